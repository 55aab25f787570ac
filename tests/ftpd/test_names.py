"""Paths the drop cannot store are refused before the transfer; a NUL byte is a syntax
error, not the end of the session; the home's four folders stay."""

from __future__ import annotations

import ftplib
import io
import time

import pytest

from sellergate.bulk.models import BulkJob
from tests.ftpd.conftest import started_ftp_server
from tests.monitoring.scrape import value

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_name_longer_than_the_file_system_takes_is_refused_with_553(ftp_server) -> None:
    account, password = ftp_server.account()
    with ftp_server.client(account.username, password) as ftp:
        with pytest.raises(ftplib.error_perm, match=r"^553 File name not allowed"):
            ftp.storbinary("STOR item/" + "a" * 300 + ".csv", io.BytesIO(b"x"))
        with pytest.raises(ftplib.error_perm, match=r"^553 No such folder"):
            ftp.storbinary("STOR item/missing/deeper/x.csv", io.BytesIO(b"x"))
        ftp.storbinary("STOR item/ok.csv", io.BytesIO(b"x"))  # the session goes on
    assert BulkJob.objects.get().file_name == "ok.csv"


def test_a_nul_byte_in_a_path_is_a_syntax_error(ftp_server) -> None:
    account, password = ftp_server.account()
    with ftp_server.client(account.username, password) as ftp:
        for command in ("CWD item\x00x", "STOR item/a\x00.csv", "DELE \x00"):
            with pytest.raises(ftplib.error_perm, match=r"^501"):
                ftp.sendcmd(command)
        assert ftp.pwd() == "/"  # still connected
    assert "Traceback" not in "\n".join(ftp_server.output.drain())


def test_the_fixed_folders_cannot_be_renamed_moved_or_removed(ftp_server) -> None:
    account, password = ftp_server.account()
    with ftp_server.client(account.username, password) as ftp:
        for folder in ("item", "inventory", "/images"):
            with pytest.raises(ftplib.error_perm, match=r"^550 .*fixed folders"):
                ftp.sendcmd(f"RNFR {folder}")  # and so no RNTO images/item either
            with pytest.raises(ftplib.error_perm, match=r"^550 .*fixed folders"):
                ftp.rmd(folder)
        with pytest.raises(ftplib.error_perm, match=r"^550"):  # read-only anyway
            ftp.rmd("results")
        ftp.storbinary("STOR item/a.csv", io.BytesIO(b"x"))
        ftp.rename("item/a.csv", "item/b.csv")  # the files inside can be
        assert sorted(ftp.nlst()) == ["images", "inventory", "item", "results"]


def test_refused_connections_do_not_make_the_sessions_gauge_negative(
    transactional_db, tmp_path, client
) -> None:
    # pyftpdlib's threaded server admits max + 1 sessions, then answers 421.
    with started_ftp_server(tmp_path, SELLERGATE_FTP_MAX_CONNECTIONS="1") as server:
        account, password = server.account()
        with server.client(account.username, password), server.client(account.username, password):
            for _ in range(3):
                refused = ftplib.FTP()
                with pytest.raises(ftplib.error_temp, match=r"^421"):
                    refused.connect("127.0.0.1", server.port, timeout=5)
                refused.close()
            assert value(client.get("/metrics").text, "sellergate_ftp_sessions") == 2
        deadline = time.monotonic() + 10
        while value(client.get("/metrics").text, "sellergate_ftp_sessions") != 0:
            assert time.monotonic() < deadline, "the sessions gauge did not come back to 0"
            time.sleep(0.1)
