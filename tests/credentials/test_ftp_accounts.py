"""FTP accounts: opened on approval, provisioned by a task, idempotently."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sellergate.access.models import RequestStatus
from sellergate.audit.models import AuditEvent
from sellergate.core.actors import Actor
from sellergate.credentials import ftp_accounts, ftp_authentication
from sellergate.credentials.errors import CredentialError, KeyRejected
from sellergate.credentials.models import FtpAccount, FtpStatus
from sellergate.grants import provisioning
from sellergate.grants.services import request_approve
from tests.factories import SellerFactory, access_request

pytestmark = pytest.mark.django_db

MONDAY = dt.datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
DESK = Actor.system("desk")


def approved_ftp_application():
    request = access_request(SellerFactory(login_id="shop-ftp"), kind="ftp")
    request_approve(actor=DESK, request=request, now=MONDAY)
    return request, FtpAccount.objects.get(seller=request.seller)


def test_approval_opens_an_account_in_provisioning(settings) -> None:
    request, account = approved_ftp_application()
    assert account.status == FtpStatus.PROVISIONING
    assert account.username == "sg-shop-ftp"
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED  # fulfilled once the account is active


def test_provisioning_builds_the_home_and_fulfils_the_request(settings) -> None:
    request, account = approved_ftp_application()
    account = provisioning.ftp_account_provision(account_id=account.pk)
    assert account.status == FtpStatus.ACTIVE
    home = Path(account.home)
    assert home == Path(settings.FTP_ROOT) / "sg-shop-ftp"
    assert sorted(p.name for p in home.iterdir()) == ["images", "inventory", "item", "results"]
    request.refresh_from_db()
    assert request.status == RequestStatus.FULFILLED


def test_provisioning_twice_changes_nothing_the_second_time() -> None:
    _request, account = approved_ftp_application()
    provisioning.ftp_account_provision(account_id=account.pk)
    events = AuditEvent.objects.count()
    provisioning.ftp_account_provision(account_id=account.pk)
    assert AuditEvent.objects.count() == events
    assert FtpAccount.objects.count() == 1


def test_the_password_is_issued_once_and_checked_by_the_authorizer_service() -> None:
    _request, account = approved_ftp_application()
    with pytest.raises(CredentialError):
        ftp_accounts.ftp_password_reset(actor=DESK, account=account)  # not active yet
    account = provisioning.ftp_account_provision(account_id=account.pk)
    password = ftp_accounts.ftp_password_reset(actor=DESK, account=account)
    assert ftp_authentication.ftp_authenticate("sg-shop-ftp", password).pk == account.pk
    account.refresh_from_db()
    assert password not in account.password_hash
    for user, secret in (("sg-shop-ftp", "wrong"), ("nobody", password)):
        with pytest.raises(KeyRejected) as raised:
            ftp_authentication.ftp_authenticate(user, secret)
        assert raised.value.reason == "unknown"
    new_password = ftp_accounts.ftp_password_reset(actor=DESK, account=account)
    with pytest.raises(KeyRejected):
        ftp_authentication.ftp_authenticate("sg-shop-ftp", password)
    assert ftp_authentication.ftp_authenticate("sg-shop-ftp", new_password)


def test_a_suspended_account_is_refused_and_reactivated_with_reasons() -> None:
    _request, account = approved_ftp_application()
    account = provisioning.ftp_account_provision(account_id=account.pk)
    password = ftp_accounts.ftp_password_reset(actor=DESK, account=account)
    with pytest.raises(CredentialError):
        ftp_accounts.ftp_account_suspend(actor=DESK, account=account, reason="")
    ftp_accounts.ftp_account_suspend(actor=DESK, account=account, reason="不正アクセスの疑い")
    with pytest.raises(KeyRejected) as raised:
        ftp_authentication.ftp_authenticate("sg-shop-ftp", password)
    assert raised.value.reason == "revoked"
    ftp_accounts.ftp_account_reactivate(actor=DESK, account=account, reason="確認済み")
    assert ftp_authentication.ftp_authenticate("sg-shop-ftp", password)


def test_a_second_ftp_application_is_refused_once_an_account_exists() -> None:
    from django.core.exceptions import ValidationError

    request, _account = approved_ftp_application()
    with pytest.raises(ValidationError) as raised:
        access_request(request.seller, kind="ftp")
    assert raised.value.code == "already_granted"
