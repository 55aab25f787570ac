"""Brute force across connections: banned at the threshold, refused at connect, then let in."""

from __future__ import annotations

import ftplib
import time

import pytest

from sellergate.audit.actors import Actor
from sellergate.audit.models import AuditEvent
from sellergate.ftpd.defender import defender_banned_until, defender_failure, defender_lift
from sellergate.ftpd.models import AddressScore

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_brute_force_is_banned_then_let_in_after_the_window(ftp_server_quick_ban) -> None:
    server = ftp_server_quick_ban
    account, password = server.account()
    for _ in range(2):  # each on a new connection: per-connection limits do not help here
        with pytest.raises(ftplib.error_perm, match=r"^530"):
            server.client("no-such-user", "guess")
    # The ban is written right after the 530 reply: wait for it, as a real retry would.
    deadline = time.monotonic() + 5
    while not AddressScore.objects.filter(banned_until__isnull=False).exists():
        assert time.monotonic() < deadline, "no ban was recorded"
        time.sleep(0.05)
    with pytest.raises((ftplib.error_temp, EOFError, ConnectionError)) as refused:
        server.client(account.username, password)  # even the right password: the address is banned
    assert "Too many failed log-ins" in str(refused.value)
    assert AuditEvent.objects.filter(action="ftp.ban").count() == 1
    time.sleep(3.5)
    with server.client(account.username, password) as ftp:
        assert "item" in ftp.nlst()


def test_scores_ban_and_grow_with_each_repeat(settings) -> None:
    settings.FTP_BAN_THRESHOLD = 3
    settings.FTP_BAN_SECONDS = 60
    address = "192.0.2.10"
    assert defender_failure(address, "nobody") is None  # 2
    first = defender_failure(address, "nobody")  # 4: banned
    assert first is not None
    assert defender_banned_until(address) == first
    defender_lift(actor=Actor.system("desk"), address=address)
    assert defender_banned_until(address) is None
    defender_failure(address, "nobody")
    second = defender_failure(address, "nobody")
    assert second is not None
    score = AddressScore.objects.get(address=address)
    assert score.ban_count == 2
    assert score.failures == 4
    assert list(AuditEvent.objects.values_list("action", flat=True).order_by("id")) == [
        "ftp.ban",
        "ftp.ban_lift",
        "ftp.ban",
    ]
