"""Parallel FTP log-ins with one password pay the KDF once; nothing else gets easier."""

from __future__ import annotations

import pytest

from sellergate.core.actors import Actor
from sellergate.credentials import ftp_accounts, ftp_authentication, ftp_logins
from sellergate.credentials.errors import KeyRejected
from sellergate.credentials.models import FtpAccount
from sellergate.grants import provisioning

pytestmark = pytest.mark.django_db
DESK = Actor.system("desk")


@pytest.fixture
def account_and_password():
    from tests.factories import SellerFactory

    seller = SellerFactory(login_id="shop-cache")
    account = FtpAccount.objects.create(seller=seller, username=ftp_accounts.ftp_username(seller))
    account = provisioning.ftp_account_provision(account_id=account.pk)
    return account, ftp_accounts.ftp_password_reset(actor=DESK, account=account)


@pytest.fixture
def kdf_calls(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = ftp_authentication.check_ftp_password

    def counted(password: str, encoded: str) -> bool:
        calls.append(password)
        return real(password, encoded)

    monkeypatch.setattr(ftp_authentication, "check_ftp_password", counted)
    return calls


def test_the_second_log_in_skips_the_kdf(account_and_password, kdf_calls) -> None:
    account, password = account_and_password
    for _ in range(5):
        assert ftp_authentication.ftp_authenticate(account.username, password).pk == account.pk
    assert len(kdf_calls) == 1


def test_a_wrong_password_is_never_remembered(account_and_password, kdf_calls) -> None:
    account, password = account_and_password
    ftp_authentication.ftp_authenticate(account.username, password)
    for _ in range(3):
        with pytest.raises(KeyRejected):
            ftp_authentication.ftp_authenticate(account.username, "guess")
    assert kdf_calls.count("guess") == 3


def test_a_new_password_ends_the_old_one_at_once(account_and_password) -> None:
    account, old = account_and_password
    ftp_authentication.ftp_authenticate(account.username, old)  # remembered
    new = ftp_accounts.ftp_password_reset(actor=DESK, account=account)
    with pytest.raises(KeyRejected):
        ftp_authentication.ftp_authenticate(account.username, old)
    assert ftp_authentication.ftp_authenticate(account.username, new)


def test_a_suspension_is_seen_although_the_password_is_remembered(account_and_password) -> None:
    account, password = account_and_password
    ftp_authentication.ftp_authenticate(account.username, password)
    ftp_accounts.ftp_account_suspend(actor=DESK, account=account, reason="確認中")
    with pytest.raises(KeyRejected) as refused:
        ftp_authentication.ftp_authenticate(account.username, password)
    assert refused.value.reason == "revoked"


def test_nothing_is_remembered_when_the_cache_is_off(
    account_and_password, kdf_calls, settings
) -> None:
    settings.FTP_PASSWORD_CACHE_SECONDS = 0
    account, password = account_and_password
    for _ in range(3):
        ftp_authentication.ftp_authenticate(account.username, password)
    assert len(kdf_calls) == 3


def test_the_password_itself_is_not_kept(account_and_password) -> None:
    account, password = account_and_password
    ftp_authentication.ftp_authenticate(account.username, password)
    kept = repr(ftp_logins._verified)
    account.refresh_from_db()
    assert account.password_hash
    assert password not in kept
    assert account.password_hash not in kept


@pytest.mark.django_db(transaction=True)
def test_simultaneous_identical_log_ins_pay_the_kdf_once(account_and_password, kdf_calls) -> None:
    import threading

    from django.db import connection

    account, password = account_and_password
    barrier = threading.Barrier(8)
    results: list[int] = []

    def log_in() -> None:
        barrier.wait()
        try:
            results.append(ftp_authentication.ftp_authenticate(account.username, password).pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=log_in) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [account.pk] * 8
    assert len(kdf_calls) == 1
