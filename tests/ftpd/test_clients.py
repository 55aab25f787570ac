"""The FTP drop with curl and lftp, and uploads that do not finish."""

from __future__ import annotations

import io
import socket
import struct
import time

import pytest

from sellergate.bulk.models import BulkJob
from tests.ftpd.clients import curl, lftp, run

pytestmark = pytest.mark.django_db(transaction=True)

CP932_CSV = (
    "item_number,seller_unique_item_id,item_name,price_yen\n,A-1,和風マグカップ,1200\n".encode(
        "cp932"
    )
)


def test_curl_uploads_and_downloads_over_ftps(ftp_server, tmp_path) -> None:
    account, password = ftp_server.account()
    source = tmp_path / "items.csv"
    source.write_bytes(CP932_CSV)
    base = f"ftp://127.0.0.1:{ftp_server.port}"
    upload = curl(ftp_server, account, password, "-T", str(source), f"{base}/item/")
    assert upload.returncode == 0, upload.stderr
    download = curl(
        ftp_server, account, password, "-o", str(tmp_path / "back.csv"), f"{base}/item/items.csv"
    )
    assert download.returncode == 0, download.stderr
    assert (tmp_path / "back.csv").read_bytes() == CP932_CSV
    assert BulkJob.objects.get().file_name == "items.csv"


def test_curl_is_refused_a_plain_connection_when_tls_is_required(ftp_server, tmp_path) -> None:
    account, password = ftp_server.account()
    result = run(
        "curl",
        "--silent",
        "--user",
        f"{account.username}:{password}",
        f"ftp://127.0.0.1:{ftp_server.port}/",
    )
    assert result.returncode != 0


def test_lftp_puts_a_cp932_csv_and_gets_a_result_file_back(ftp_server, tmp_path) -> None:
    account, password = ftp_server.account()
    source = tmp_path / "商品一括.csv"
    source.write_bytes(CP932_CSV)
    result_file = ftp_server.root / account.username / "results" / "商品一括.20261130100000.csv"
    result_file.write_bytes("row,status\n2,OK\n".encode("cp932"))
    put = lftp(ftp_server, account, password, f"put {source} -o item/商品一括.csv")
    assert put.returncode == 0, put.stderr
    assert (ftp_server.root / account.username / "item" / "商品一括.csv").read_bytes() == CP932_CSV
    get = lftp(
        ftp_server,
        account,
        password,
        f"get results/{result_file.name} -o {tmp_path / 'result.csv'}",
    )
    assert get.returncode == 0, get.stderr
    assert (tmp_path / "result.csv").read_bytes() == result_file.read_bytes()
    assert BulkJob.objects.get().file_name == "商品一括.csv"


def test_an_aborted_upload_is_not_handed_over_and_a_resume_completes_it(ftp_server) -> None:
    account, password = ftp_server.account()
    payload = b"0123456789" * 100_000  # 1 MB
    with ftp_server.client(account.username, password) as ftp:
        conn = ftp.transfercmd("STOR item/big.csv")
        conn.sendall(payload[:300_000])
        ftp.abort()  # ABOR while the data connection is open: the server must not take it
        conn.close()
    time.sleep(0.3)
    assert not (ftp_server.root / account.username / "item" / "big.csv").exists()
    assert not BulkJob.objects.exists()

    with ftp_server.client(account.username, password) as ftp:
        done = int(ftp.sendcmd("SIZE item/big.csv").split()[1])
        assert 0 < done <= 300_000
        ftp.storbinary("STOR item/big.csv", io.BytesIO(payload[done:]), rest=done)
    assert (ftp_server.root / account.username / "item" / "big.csv").read_bytes() == payload
    assert BulkJob.objects.get().size == len(payload)


def test_a_connection_cut_mid_upload_hands_nothing_over(ftp_server) -> None:
    account, password = ftp_server.account()
    ftp = ftp_server.client(account.username, password)
    conn = ftp.transfercmd("STOR item/cut.csv")
    conn.sendall(b"x" * 200_000)
    # A crash, not a goodbye: reset both connections (SO_LINGER 0 sends RST).
    for sock in (conn, ftp.sock):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()
    ftp.file.close() if ftp.file else None
    time.sleep(0.5)
    assert not (ftp_server.root / account.username / "item" / "cut.csv").exists()
    assert not BulkJob.objects.exists()


def test_an_upload_short_of_its_announced_size_is_not_handed_over(ftp_server) -> None:
    account, password = ftp_server.account()
    with ftp_server.client(account.username, password) as ftp:
        ftp.sendcmd("ALLO 5000")
        ftp.storbinary("STOR item/short.csv", io.BytesIO(b"x" * 1000))
        ftp.sendcmd("ALLO 1000")
        ftp.storbinary("STOR item/exact.csv", io.BytesIO(b"x" * 1000))
    assert not (ftp_server.root / account.username / "item" / "short.csv").exists()
    assert [job.file_name for job in BulkJob.objects.all()] == ["exact.csv"]
