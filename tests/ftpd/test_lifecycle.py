"""Session limits, log-in audit, and a shutdown that lets transfers in flight finish."""

from __future__ import annotations

import ftplib
import io
import signal
import threading
import time

import pytest

from sellergate.audit.models import AuditEvent
from sellergate.bulk.models import BulkJob

pytestmark = pytest.mark.django_db(transaction=True)


def test_sessions_per_user_are_limited(ftp_server_two_sessions) -> None:
    server = ftp_server_two_sessions
    account, password = server.account()

    def third_session() -> None:
        with server.client(account.username, password) as ftp:
            ftp.voidcmd("NOOP")

    first = server.client(account.username, password)
    second = server.client(account.username, password)
    try:
        with pytest.raises(ftplib.error_temp, match="Too many sessions"):
            third_session()
    finally:
        first.close()
        second.close()
    # With the others gone (the server notices within its poll interval), one is welcome.
    deadline = time.monotonic() + 5
    while True:
        try:
            third_session()
            break
        except ftplib.error_temp:
            assert time.monotonic() < deadline
            time.sleep(0.2)


def test_log_ins_are_audited_once_an_hour_not_once_each(ftp_server) -> None:
    account, password = ftp_server.account()
    for _ in range(4):
        with ftp_server.client(account.username, password) as ftp:
            ftp.voidcmd("NOOP")
    events = AuditEvent.objects.filter(action="ftp.login")
    assert events.count() == 1
    assert events.get().source_address == "127.0.0.1"


def test_sigterm_lets_a_transfer_in_flight_finish(ftp_server) -> None:
    account, password = ftp_server.account()
    ftp = ftp_server.client(account.username, password)
    idle = ftp_server.client(account.username, password)
    conn = ftp.transfercmd("STOR item/slow.csv")
    sent = threading.Event()

    def send_slowly() -> None:
        for _ in range(20):
            conn.sendall(b"x" * 10_000)
            time.sleep(0.1)
            if _ == 3:
                sent.set()
        conn.unwrap().close()  # the FTPS end of an upload: close_notify, then FIN

    sender = threading.Thread(target=send_slowly)
    sender.start()
    sent.wait(5)
    ftp_server.process.send_signal(signal.SIGTERM)  # mid-transfer
    sender.join(10)
    assert ftp.voidresp().startswith("226")
    ftp_server.process.wait(timeout=15)
    assert (ftp_server.root / account.username / "item" / "slow.csv").stat().st_size == 200_000
    assert BulkJob.objects.get().file_name == "slow.csv"
    with pytest.raises((OSError, EOFError, ftplib.Error)):
        idle.voidcmd("NOOP")  # the idle session was closed at shutdown
    for client in (ftp, idle):
        client.close()


@pytest.mark.parametrize("what", ["seller", "account"])
def test_a_session_opened_before_a_suspension_is_stopped_at_its_next_command(
    ftp_server, what
) -> None:
    from sellergate.core.actors import Actor
    from sellergate.credentials.ftp_accounts import ftp_account_suspend
    from sellergate.credentials.suspension import credentials_suspend

    account, password = ftp_server.account()
    ftp = ftp_server.client(account.username, password)
    try:
        ftp.storbinary("STOR item/before.csv", io.BytesIO(b"x"))
        ftp.voidcmd("NOOP")  # answered once the upload was handed over
        desk = Actor.system("desk")
        if what == "seller":
            credentials_suspend(actor=desk, seller=account.seller, reason="出荷遅延")
        else:
            ftp_account_suspend(actor=desk, account=account, reason="不正利用の疑い")
        with pytest.raises(ftplib.error_temp, match=r"^421 .*suspended"):
            ftp.storbinary("STOR item/after.csv", io.BytesIO(b"y"))
    finally:
        ftp.close()
    assert not (ftp_server.root / account.username / "item" / "after.csv").exists()
    assert list(BulkJob.objects.values_list("file_name", flat=True)) == ["before.csv"]
