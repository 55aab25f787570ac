"""FTPS uploads arrive whole or not at all.

lftp uploads over FTPS, with both cores busy, used to end cut short (at ~112 KiB) about
one time in ten while lftp exited 0 and the server answered 226: the server sent TLS 1.3
session tickets on the data connection, lftp never read them, and closing a socket with
unread data makes Linux send a reset and drop whatever the client still had to send; the
server took the reset for the end of the file. Now data connections send no tickets, and
an upload whose TLS stream ends without close_notify is incomplete (426, kept in staging,
never handed over), as vsftpd's ``strict_ssl_read_eof`` has it.
"""

from __future__ import annotations

import contextlib
import ftplib
import hashlib
import os
import socket
import ssl
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sellergate.bulk.models import BulkJob
from tests.ftpd.clients import lftp

UPLOADS = 100
SIZE = 1_100_000


@contextlib.contextmanager
def both_cores_busy(seconds: int = 600) -> Iterator[None]:
    """Two processes spinning on loopback's machine for the test's length (bounded)."""
    spin = f"import time\nend = time.monotonic() + {seconds}\nwhile time.monotonic() < end: pass"
    burners = [subprocess.Popen([sys.executable, "-c", spin]) for _ in range(2)]
    try:
        yield
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()


def test_a_hundred_lftp_uploads_over_ftps_arrive_whole_on_a_busy_machine(
    ftp_server, tmp_path
) -> None:
    account, password = ftp_server.account()
    sources = []
    for n in range(UPLOADS):
        source = tmp_path / f"stock-{n:03d}.csv"
        source.write_bytes(os.urandom(SIZE))
        sources.append(source)
    # One session, a data connection per file, as `lftp mput` makes them.
    puts = "; ".join(f"put {s} -o images/{s.name}" for s in sources)
    with both_cores_busy():
        put = lftp(ftp_server, account, password, puts)
    assert put.returncode == 0, put.stderr
    home = ftp_server.root / account.username / "images"
    cut = []
    for source in sources:
        arrived = home / source.name
        sent = hashlib.sha256(source.read_bytes()).hexdigest()
        got = hashlib.sha256(arrived.read_bytes()).hexdigest() if arrived.exists() else None
        if got != sent:
            cut.append((source.name, arrived.stat().st_size if arrived.exists() else None))
    assert cut == [], f"{len(cut)} of {UPLOADS} uploads differ: {cut[:10]}"
    assert BulkJob.objects.filter(file_name__startswith="stock-").count() == UPLOADS


def test_a_data_connection_dropped_without_tls_close_gets_no_job(ftp_server, tmp_path) -> None:
    account, password = ftp_server.account()
    ftp = ftp_server.client(account.username, password)
    try:
        data = ftp.transfercmd("STOR item/cut.csv")
        data.sendall(b"seller_code,price\n" + b"SKU-1,1980\n" * 50_000)
        # Close the TCP connection under the TLS stream: no close_notify is sent.
        raw = socket.socket(fileno=os.dup(data.fileno()))
        data.close()
        raw.shutdown(socket.SHUT_RDWR)
        raw.close()
        with pytest.raises(ftplib.error_temp, match=r"^426"):
            ftp.voidresp()
        ftp.voidcmd("NOOP")  # the server has finished with the upload
    finally:
        ftp.close()
    home = Path(ftp_server.root) / account.username
    assert not (home / "item" / "cut.csv").exists()
    assert not BulkJob.objects.filter(file_name="cut.csv").exists()


def test_an_upload_closed_with_tls_close_notify_is_complete(ftp_server, tmp_path) -> None:
    account, password = ftp_server.account()
    ftp = ftp_server.client(account.username, password)
    try:
        body = b"seller_code,price\n" + b"SKU-1,1980\n" * 50_000
        data = ftp.transfercmd("STOR item/whole.csv")
        assert isinstance(data, ssl.SSLSocket)
        data.sendall(body)
        data.unwrap().close()  # close_notify, then FIN
        assert ftp.voidresp().startswith("226")
        ftp.voidcmd("NOOP")  # answered once the upload was handed over
    finally:
        ftp.close()
    arrived = Path(ftp_server.root) / account.username / "item" / "whole.csv"
    assert arrived.read_bytes() == body
    assert BulkJob.objects.filter(file_name="whole.csv").count() == 1
