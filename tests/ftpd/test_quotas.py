"""Quotas: total size, file count and one file's size, each refused with 552 and a reason."""

from __future__ import annotations

import ftplib
import io
import os
from collections.abc import Iterator

import pytest

from sellergate.bulk.models import BulkJob
from sellergate.credentials.models import FtpAccount
from tests.ftpd.clients import curl, lftp
from tests.ftpd.conftest import FtpServer, started_ftp_server

pytestmark = pytest.mark.django_db(transaction=True)


def with_quota(server, **quota):
    account, password = server.account()
    FtpAccount.objects.filter(pk=account.pk).update(**quota)
    return account, password


def test_the_file_count_quota(ftp_server) -> None:
    account, password = with_quota(ftp_server, quota_files=2)
    with ftp_server.client(account.username, password) as ftp:
        ftp.storbinary("STOR item/a.csv", io.BytesIO(b"a"))
        ftp.storbinary("STOR item/b.csv", io.BytesIO(b"b"))
        with pytest.raises(ftplib.error_perm, match=r"^552 File quota exceeded: 2 of 2 files"):
            ftp.storbinary("STOR item/c.csv", io.BytesIO(b"c"))
        ftp.storbinary("STOR item/a.csv", io.BytesIO(b"a2"))  # replacing a file is fine
        ftp.delete("item/b.csv")
        ftp.storbinary("STOR item/c.csv", io.BytesIO(b"c"))


def test_the_size_quota_stops_an_upload_midway_and_nothing_is_processed(ftp_server) -> None:
    account, password = with_quota(ftp_server, quota_bytes=100_000)
    with ftp_server.client(account.username, password) as ftp:
        with pytest.raises(ftplib.error_perm, match=r"^552 Quota exceeded"):
            ftp.storbinary("STOR item/big.csv", io.BytesIO(b"x" * 300_000))
        # A listing with something in it: an empty FTPS listing can trip ftplib's own
        # TLS 1.3 shutdown (SHUTDOWN_WHILE_IN_INIT) when the machine is busy.
        ftp.storbinary("STOR item/small.csv", io.BytesIO(b"x" * 10))
        assert [name.rsplit("/", 1)[-1] for name in ftp.nlst("item")] == ["small.csv"]
    assert not (ftp_server.root / account.username / "item" / "big.csv").exists()
    assert list(BulkJob.objects.values_list("file_name", flat=True)) == ["small.csv"]


def test_a_full_home_refuses_before_the_transfer(ftp_server) -> None:
    account, password = with_quota(ftp_server, quota_bytes=1000)
    (ftp_server.root / account.username / "images" / "a.jpg").write_bytes(b"j" * 1000)
    with (
        ftp_server.client(account.username, password) as ftp,
        pytest.raises(ftplib.error_perm, match=r"^552 Size quota exceeded: 1000 of 1000 bytes"),
    ):
        ftp.storbinary("STOR item/x.csv", io.BytesIO(b"x"))


def test_result_files_do_not_count_toward_the_quota(ftp_server) -> None:
    account, password = with_quota(ftp_server, quota_bytes=1000, quota_files=2)
    results = ftp_server.root / account.username / "results"
    for n in range(5):  # what sellergate wrote back for earlier uploads
        (results / f"items.2026113010000{n}.j{n}.csv").write_bytes(b"r" * 1000)
    with ftp_server.client(account.username, password) as ftp:
        ftp.storbinary("STOR item/a.csv", io.BytesIO(b"a" * 500))
        ftp.storbinary("STOR item/b.csv", io.BytesIO(b"b" * 400))


def test_the_largest_file(ftp_server, settings) -> None:
    account, password = ftp_server.account()
    with ftp_server.client(account.username, password) as ftp:
        ftp.storbinary("STOR images/ok.jpg", io.BytesIO(b"j" * 10_000))
    assert BulkJob.objects.get().kind == "image"


@pytest.fixture
def ftp_server_small_files(transactional_db, tmp_path) -> Iterator[FtpServer]:
    """At most 1 MB per file."""
    with started_ftp_server(tmp_path, SELLERGATE_FTP_MAX_FILE_BYTES="1000000") as server:
        yield server


def _nothing_staged(server: FtpServer, account: FtpAccount) -> bool:
    staging = server.root / ".staging" / account.username
    return not staging.exists() or not any(staging.iterdir())


def test_curl_sees_the_552_of_a_file_over_the_limit(ftp_server_small_files, tmp_path) -> None:
    server = ftp_server_small_files
    account, password = server.account()
    source = tmp_path / "big.csv"
    source.write_bytes(os.urandom(3_000_000))
    put = curl(server, account, password, "-T", str(source), f"ftp://127.0.0.1:{server.port}/item/")
    # 70 is curl's name for the reply 552 ("Exceeded storage allocation"); a reset of the
    # data connection was 55 ("Failed sending data").
    assert put.returncode == 70, put.stderr
    assert not (server.root / account.username / "item" / "big.csv").exists()
    assert _nothing_staged(server, account)
    assert not BulkJob.objects.exists()


def test_lftp_sees_the_552_of_a_file_over_the_limit(ftp_server_small_files, tmp_path) -> None:
    server = ftp_server_small_files
    account, password = server.account()
    source = tmp_path / "big.csv"
    source.write_bytes(os.urandom(3_000_000))
    put = lftp(server, account, password, f"put {source} -o item/big.csv")
    assert put.returncode != 0
    assert "552" in put.stderr, put.stderr
    assert "max-retries" not in put.stderr
    assert not (server.root / account.username / "item" / "big.csv").exists()
    assert _nothing_staged(server, account)
    assert not BulkJob.objects.exists()
