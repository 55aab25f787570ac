"""SELLERGATE_FTP_TLS_REQUIRE_SESSION_REUSE: data connections must resume the control
connection's TLS session; curl and lftp do, Python's ftplib does not."""

from __future__ import annotations

import contextlib
import ftplib

import pytest

from sellergate.bulk.models import BulkJob
from tests.ftpd.clients import curl, lftp

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_data_connection_without_session_reuse_is_refused(ftp_server_session_reuse) -> None:
    account, password = ftp_server_session_reuse.account()
    with ftp_server_session_reuse.client(account.username, password) as ftp:
        data = ftp.transfercmd("STOR item/a.csv")  # 150, then a fresh TLS handshake
        with contextlib.suppress(OSError):  # the server closes it: a write may fail
            data.sendall(b"x\n")
            data.unwrap()
        data.close()
        with pytest.raises(ftplib.error_perm, match="522 SSL connection failed: session reuse"):
            ftp.voidresp()
        # The session goes on: the refusal closed only that data connection.
        assert ftp.voidcmd("NOOP").startswith("200")
    assert not (ftp_server_session_reuse.root / account.username / "item" / "a.csv").exists()
    assert not BulkJob.objects.exists()


def test_curl_resumes_the_session_and_uploads(ftp_server_session_reuse, tmp_path) -> None:
    server = ftp_server_session_reuse
    account, password = server.account()
    source = tmp_path / "items.csv"
    source.write_bytes(b"item_number,seller_unique_item_id\n,A-1\n")
    base = f"ftp://127.0.0.1:{server.port}"
    upload = curl(server, account, password, "-T", str(source), f"{base}/item/")
    assert upload.returncode == 0, upload.stderr
    listing = curl(server, account, password, "--list-only", f"{base}/item/")
    assert listing.returncode == 0, listing.stderr
    assert listing.stdout.split() == ["items.csv"]
    assert BulkJob.objects.get().file_name == "items.csv"


def test_lftp_resumes_the_session_and_uploads(ftp_server_session_reuse, tmp_path) -> None:
    server = ftp_server_session_reuse
    account, password = server.account()
    source = tmp_path / "stock.csv"
    source.write_bytes(b"item_number,quantity\n100,5\n")
    put = lftp(server, account, password, f"put {source} -o inventory/stock.csv")
    assert put.returncode == 0, put.stderr
    assert (server.root / account.username / "inventory" / "stock.csv").exists()
