"""The FTP drop with Python's ftplib: log-in, folders, uploads handed over once, refusals."""

from __future__ import annotations

import ftplib
import io

import pytest
from django_tasks_db.models import DBTaskResult

from sellergate.bulk.models import BulkJob
from sellergate.core.actors import Actor
from sellergate.credentials import ftp_accounts

pytestmark = pytest.mark.django_db(transaction=True)

CSV = "item_number,seller_unique_item_id,item_name\n,A-1,テスト商品\n".encode("cp932")


def test_log_in_list_upload_and_download_over_ftps(ftp_server) -> None:
    account, password = ftp_server.account()
    with ftp_server.client(account.username, password) as ftp:
        assert sorted(ftp.nlst()) == ["images", "inventory", "item", "results"]
        ftp.storbinary("STOR item/items.csv", io.BytesIO(CSV))
        assert ftp.nlst("item") == ["item/items.csv"] or ftp.nlst("item") == ["items.csv"]
        received = io.BytesIO()
        ftp.retrbinary("RETR item/items.csv", received.write)
    assert received.getvalue() == CSV
    assert (ftp_server.root / account.username / "item" / "items.csv").read_bytes() == CSV
    job = BulkJob.objects.get()
    assert (job.seller, job.kind, job.file_name, job.size) == (
        account.seller,
        "item",
        "items.csv",
        len(CSV),
    )
    # Queued for the worker, exactly once.
    assert job.status == "queued"
    task = DBTaskResult.objects.get()
    assert task.task_path == "sellergate.bulk.tasks.process_bulk_job"
    assert task.args_kwargs["args"] == [job.pk]


def test_an_upload_under_a_temporary_name_is_recorded_once_on_its_final_name(ftp_server) -> None:
    account, password = ftp_server.account()
    with ftp_server.client(account.username, password) as ftp:
        ftp.storbinary("STOR inventory/stock.csv.part", io.BytesIO(b"x" * 1000))
        assert not BulkJob.objects.exists()
        ftp.rename("inventory/stock.csv.part", "inventory/stock.csv")
    job = BulkJob.objects.get()
    assert (job.kind, job.file_name, job.size) == ("inventory", "stock.csv", 1000)


def test_results_are_read_only_and_the_home_root_takes_no_files(ftp_server) -> None:
    account, password = ftp_server.account()
    (ftp_server.root / account.username / "results" / "items.20261130.csv").write_text("ok")
    with ftp_server.client(account.username, password) as ftp:
        for target in ("results/x.csv", "x.csv"):
            with pytest.raises(ftplib.error_perm, match=r"^550"):
                ftp.storbinary(f"STOR {target}", io.BytesIO(b"x"))
        with pytest.raises(ftplib.error_perm, match=r"^550"):
            ftp.delete("results/items.20261130.csv")
        with pytest.raises(ftplib.error_perm, match=r"^550"):
            ftp.mkd("newdir")
        data = io.BytesIO()
        ftp.retrbinary("RETR results/items.20261130.csv", data.write)
    assert data.getvalue() == b"ok"


@pytest.mark.parametrize(
    "path", ["../", "../../etc/passwd", "/../../etc/passwd", "item/../../", "%2e%2e/"]
)
def test_no_way_out_of_the_home(ftp_server, path) -> None:
    account, password = ftp_server.account()
    other, _ = ftp_server.account("shop-other")
    with ftp_server.client(account.username, password) as ftp:
        try:
            listing = ftp.nlst(path)
        except ftplib.error_perm:
            listing = []
        assert "passwd" not in " ".join(listing)
        assert other.username not in " ".join(listing)
        assert ftp.pwd() == "/"


def test_a_symlink_planted_in_the_home_leads_nowhere(ftp_server, tmp_path) -> None:
    account, password = ftp_server.account()
    secret = tmp_path / "outside.txt"
    secret.write_text("not yours")
    (ftp_server.root / account.username / "item" / "link.txt").symlink_to(secret)
    with ftp_server.client(account.username, password) as ftp, pytest.raises(ftplib.error_perm):
        ftp.retrbinary("RETR item/link.txt", lambda data: None)


def test_a_wrong_password_and_an_unknown_user_get_the_same_refusal(ftp_server) -> None:
    account, _password = ftp_server.account()
    answers = []
    for user, password in ((account.username, "wrong"), ("nobody", "wrong")):
        with pytest.raises(ftplib.error_perm) as refused:
            ftp_server.client(user, password)
        answers.append(str(refused.value))
    assert answers[0] == answers[1]
    assert answers[0].startswith("530")


def test_anonymous_log_in_is_refused(ftp_server) -> None:
    with pytest.raises(ftplib.error_perm, match=r"^530"):
        ftp_server.client("anonymous", "guest@example.com")


def test_a_suspended_account_is_refused_with_a_clear_message(ftp_server) -> None:
    account, password = ftp_server.account()
    ftp_accounts.ftp_account_suspend(actor=Actor.system("desk"), account=account, reason="調査中")
    with pytest.raises(ftplib.error_perm) as refused:
        ftp_server.client(account.username, password)
    assert str(refused.value).startswith("530")
    assert "suspended" in str(refused.value)


def test_tls_required_refuses_a_plain_log_in(ftp_server) -> None:
    account, password = ftp_server.account()
    with pytest.raises(ftplib.error_perm) as refused:
        ftp_server.client(account.username, password, tls=False)
    assert "SSL/TLS required" in str(refused.value)


def test_tls_optional_accepts_a_plain_log_in(ftp_server_tls_optional) -> None:
    account, password = ftp_server_tls_optional.account()
    with ftp_server_tls_optional.client(account.username, password, tls=False) as ftp:
        assert "item" in ftp.nlst()


def test_many_sessions_one_after_another_and_at_once(ftp_server) -> None:
    account, password = ftp_server.account()
    for _ in range(3):
        with ftp_server.client(account.username, password) as ftp:
            ftp.voidcmd("NOOP")
    clients = [ftp_server.client(account.username, password) for _ in range(5)]
    try:
        for ftp in clients:
            assert "item" in ftp.nlst()
    finally:
        for ftp in clients:
            ftp.close()
