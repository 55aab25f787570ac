"""The FTP log-in's reads in plain SQL answer what the ORM answers, in every standing."""

from __future__ import annotations

import threading
import time

import pytest
from django.utils import timezone

from sellergate.core.actors import Actor
from sellergate.credentials import ftp_accounts, ftp_authentication, hashers
from sellergate.credentials.errors import KeyRejected
from sellergate.credentials.models import FtpAccount, FtpStatus
from sellergate.grants import provisioning
from tests.factories import SellerFactory

pytestmark = pytest.mark.django_db
DESK = Actor.system("desk")


def _active(login_id: str, **account: object) -> FtpAccount:
    seller = SellerFactory(login_id=login_id)
    made = FtpAccount.objects.create(
        seller=seller, username=ftp_accounts.ftp_username(seller), **account
    )
    return provisioning.ftp_account_provision(account_id=made.pk)


def test_the_login_read_is_the_account_as_the_orm_reads_it() -> None:
    account = _active("shop-read", quota_bytes=5_000_000, quota_files=7)
    ftp_accounts.ftp_password_reset(actor=DESK, account=account)
    account.refresh_from_db()
    read = ftp_authentication.ftp_login_account(account.username)
    assert read == ftp_authentication.FtpLogin(
        pk=account.pk,
        username=account.username,
        password_hash=account.password_hash,
        status=FtpStatus.ACTIVE,
        home=account.home,
        quota_bytes=5_000_000,
        quota_files=7,
        seller_id=account.seller_id,
        seller_suspended=False,
    )
    assert ftp_authentication.ftp_login_account("sg-nobody") is None


@pytest.mark.parametrize("standing", ["active", "seller suspended", "account suspended"])
def test_the_per_command_check_follows_the_account_and_its_seller(standing: str) -> None:
    account = _active(f"shop-{standing.replace(' ', '-')}")
    password = ftp_accounts.ftp_password_reset(actor=DESK, account=account)
    if standing == "seller suspended":
        account.seller.suspended_at = timezone.now()
        account.seller.save(update_fields=["suspended_at"])
    elif standing == "account suspended":
        FtpAccount.objects.filter(pk=account.pk).update(status=FtpStatus.SUSPENDED)
    usable = FtpAccount.objects.filter(
        username=account.username, status=FtpStatus.ACTIVE, seller__suspended_at__isnull=True
    ).exists()
    assert ftp_authentication.ftp_account_usable(account.username) is usable
    assert usable is (standing == "active")
    read = ftp_authentication.ftp_login_account(account.username)
    assert read is not None
    assert read.seller_suspended is (standing == "seller suspended")
    if standing == "active":
        assert ftp_authentication.ftp_authenticate(account.username, password).pk == account.pk
    else:
        with pytest.raises(KeyRejected) as refused:
            ftp_authentication.ftp_authenticate(account.username, password)
        expected = "seller_suspended" if standing == "seller suspended" else "revoked"
        assert refused.value.reason == expected


def test_no_more_kdfs_run_at_once_than_there_are_cores(monkeypatch) -> None:
    running, most = [0], [0]
    lock = threading.Lock()

    def slow_verify(password: str, encoded: str) -> bool:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return True

    slots = 2
    monkeypatch.setattr(hashers, "_kdf_slots", threading.BoundedSemaphore(slots))
    monkeypatch.setattr(hashers.FTP_HASHER, "verify", slow_verify)
    threads = [
        threading.Thread(target=hashers.check_ftp_password, args=("pw", "scrypt-ftp$x"))
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most[0] == slots
