"""Brute force across connections: banned at the threshold, refused at the first command,
then let in."""

from __future__ import annotations

import ftplib
import time

import pytest
from django.utils import timezone

from sellergate.audit.models import AuditEvent
from sellergate.core.actors import Actor
from sellergate.ftpd.defender import defender_banned_until, defender_failure, defender_lift
from sellergate.ftpd.models import AddressScore
from tests.factories import SellerFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_brute_force_is_banned_then_let_in_after_the_window(ftp_server_quick_ban) -> None:
    server = ftp_server_quick_ban
    account, password = server.account()
    for _ in range(2):  # each on a new connection: per-connection limits do not help here
        with pytest.raises(ftplib.error_perm, match=r"^530"):
            server.client("no-such-user", "guess")
    # Scored before the 530 was sent: banned by the time the client hears of it.
    assert AddressScore.objects.filter(banned_until__isnull=False).exists()
    with pytest.raises((ftplib.error_temp, EOFError, ConnectionError)) as refused:
        server.client(account.username, password)  # even the right password: the address is banned
    assert "Too many failed log-ins" in str(refused.value)
    assert AuditEvent.objects.filter(action="ftp.ban").count() == 1
    until = AddressScore.objects.get().banned_until
    deadline = time.monotonic() + 30
    while True:  # as a client retrying: let in once the ban is over, not before
        try:
            with server.client(account.username, password) as ftp:
                assert "item" in ftp.nlst()
            break
        except (ftplib.error_temp, EOFError, ConnectionError):
            assert time.monotonic() < deadline, "still banned long after the ban's end"
            time.sleep(0.5)
    assert timezone.now() >= until


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


def test_scores_decay_so_that_only_a_sustained_rate_bans(settings) -> None:
    import datetime as dt

    from django.utils import timezone

    settings.FTP_BAN_THRESHOLD = 3
    settings.FTP_BAN_WINDOW_SECONDS = 30  # a point forgotten every 10 s
    address, start = "192.0.2.20", timezone.now()
    for n in range(10):  # an unknown user (2 points) every 25 s: forgotten as fast as it comes
        assert defender_failure(address, "nobody", now=start + dt.timedelta(seconds=25 * n)) is None
    late = start + dt.timedelta(seconds=400)
    assert defender_failure(address, "nobody", now=late) is None  # 2
    assert defender_failure(address, "nobody", now=late + dt.timedelta(seconds=1)) is not None


def test_a_good_log_in_in_between_forgives_nothing(ftp_server_long_ban) -> None:
    """A seller guessing another seller's FTP password, logging in to its own account
    between guesses to reset its address's score: banned all the same."""
    server = ftp_server_long_ban
    own, own_password = server.account("shop-own")
    victim, _password = server.account("shop-victim")
    for _ in range(3):
        with pytest.raises(ftplib.error_perm, match=r"^530"):
            server.client(victim.username, "guess")
        try:
            with server.client(own.username, own_password):
                pass
        except (ftplib.error_temp, ftplib.error_perm, EOFError, ConnectionError):
            break  # banned already: that is the point
    assert AddressScore.objects.get(address="127.0.0.1").banned_until is not None


def test_a_connection_opened_before_the_ban_cannot_go_on_guessing(ftp_server_long_ban) -> None:
    server = ftp_server_long_ban
    account, password = server.account()
    early = ftplib.FTP_TLS()
    early.connect("127.0.0.1", server.port, timeout=10)
    try:
        early.auth()
        for _ in range(2):  # unknown users, 2 points each: banned at 3
            with pytest.raises(ftplib.error_perm, match=r"^530"):
                server.client("no-such-user", "guess")
        assert defender_banned_until("127.0.0.1") is not None
        early.sendcmd(f"USER {account.username}")
        with pytest.raises(ftplib.error_perm, match=r"^530 Too many failed log-ins"):
            early.sendcmd(f"PASS {password}")  # even the right password
    finally:
        early.close()


def test_wrong_passwords_for_one_user_from_many_addresses_lock_it(settings) -> None:
    from sellergate.credentials.models import FtpAccount
    from sellergate.ftpd.defender import defender_locked_until, defender_unlock
    from tests.factories import SellerFactory

    settings.FTP_ACCOUNT_LOCK_THRESHOLD = 5
    settings.FTP_BAN_THRESHOLD = 100
    FtpAccount.objects.create(seller=SellerFactory(), username="sg-target")
    for n in range(5):
        defender_failure(f"198.51.100.{n}", "sg-target")
    assert defender_locked_until("sg-target") is not None
    assert defender_banned_until("198.51.100.1") is None  # no one address went far
    assert AuditEvent.objects.filter(action="ftp.lock").count() == 1
    defender_unlock(actor=Actor.system("desk"), username="sg-target")
    assert defender_locked_until("sg-target") is None


def test_the_log_in_reads_the_bans_as_the_orm_stores_them(settings) -> None:
    """Plain SQL on the log-in path (core/hot_reads.py): the same instants as the models."""
    from sellergate.credentials.models import FtpAccount
    from sellergate.ftpd.defender import defender_bans, defender_locked_until
    from sellergate.ftpd.models import AccountScore

    settings.FTP_BAN_THRESHOLD = 2
    settings.FTP_ACCOUNT_LOCK_THRESHOLD = 1
    address = "203.0.113.9"
    assert defender_bans(address, "sg-target") == (None, None)
    FtpAccount.objects.create(seller=SellerFactory(login_id="target"), username="sg-target")
    banned = defender_failure(address, "sg-target")  # 1 point of 2: not banned, but locked
    assert banned is None
    locked = AccountScore.objects.get(username="sg-target").banned_until
    assert defender_bans(address, "sg-target") == (None, locked)
    assert defender_locked_until("sg-target") == locked
    banned = defender_failure(address, "sg-target")
    stored = AddressScore.objects.get(address=address).banned_until
    assert banned == stored
    assert defender_bans(address, "sg-other") == (stored, None)
    assert defender_banned_until(address) == stored
    assert stored.tzinfo is not None
    assert defender_banned_until(address, now=stored) is None  # a ban ends at its instant
