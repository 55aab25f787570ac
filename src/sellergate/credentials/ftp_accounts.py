"""FTP accounts: opened on an approved application, provisioned, password, suspend
(the log-in's check is ``ftp_authentication``'s).

Every transition of an ``FtpAccount`` is here; each is one transaction with one audit
event and invalidates the verification cache after commit. Passwords are returned once
and stored through Django's hashers (``hashers``). Where the account's home and folders
are is ``sellergate.core.paths``'s to say. That an approval opens an account, and that
provisioning fulfils the application, is the grant workflow's (``sellergate.grants``).
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sellergate.access.models import AccessRequest
from sellergate.audit.services import audit_record
from sellergate.core import paths
from sellergate.core.actors import Actor
from sellergate.credentials import cache
from sellergate.credentials.errors import CredentialError
from sellergate.credentials.hashers import hash_ftp_password
from sellergate.credentials.models import FtpAccount, FtpStatus
from sellergate.sellers.models import Seller

WORKER = Actor.system("worker")


def ftp_username(seller: Seller) -> str:
    return paths.ftp_username(seller.login_id)


def ftp_account_of(seller: Seller) -> FtpAccount | None:
    """The seller's FTP account that is not closed, if any (there is at most one)."""
    return FtpAccount.objects.of(seller).exclude(status=FtpStatus.CLOSED).first()


def ftp_account_open(*, actor: Actor, seller: Seller, request: AccessRequest | None) -> FtpAccount:
    """An account in PROVISIONING for ``seller`` (the one it has, if any); the worker
    builds it (``ftp_account_provision``)."""
    existing = ftp_account_of(seller)
    if existing is not None:
        return existing
    account = FtpAccount.objects.create(
        seller=seller,
        request=request,
        username=ftp_username(seller),
        provision_enqueued_at=timezone.now(),
    )
    audit_record(
        actor=actor,
        action="ftp_account.open",
        obj=account,
        seller=seller,
        after={"status": account.status},
    )
    return account


def ftp_account_provision(*, account_id: int, now: dt.datetime | None = None) -> FtpAccount:
    """Build the account's home and make it ACTIVE. Idempotent: run again after a crash at
    any point, it finishes the job without a second account or a lost one."""
    now = now or timezone.now()
    with transaction.atomic():
        account = (
            FtpAccount.objects.select_for_update(of=("self",))
            .select_related("request", "seller")
            .get(pk=account_id)
        )
        if account.status != FtpStatus.PROVISIONING:
            return account
        home = paths.ftp_home_make(account.username)
        account.home = str(home)
        account.status = FtpStatus.ACTIVE
        account.activated_at = now
        account.save()
        audit_record(
            actor=WORKER,
            action="ftp_account.activate",
            obj=account,
            seller=account.seller,
            before={"status": FtpStatus.PROVISIONING},
            after={"status": FtpStatus.ACTIVE, "home": str(home)},
        )
        cache.invalidate_after_commit()
    return account


def ftp_accounts_stuck(*, now: dt.datetime | None = None) -> list[int]:
    """Accounts waiting in PROVISIONING longer than the retry interval, marked as enqueued
    again now; the caller enqueues their provisioning."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(seconds=settings.FTP_PROVISION_RETRY_SECONDS)
    retried = []
    with transaction.atomic():
        stuck = FtpAccount.objects.select_for_update().filter(
            status=FtpStatus.PROVISIONING, provision_enqueued_at__lte=cutoff
        )
        for account in stuck:
            account.provision_enqueued_at = now
            account.save(update_fields=["provision_enqueued_at"])
            retried.append(account.pk)
    return retried


def ftp_password_reset(*, actor: Actor, account: FtpAccount, now: dt.datetime | None = None) -> str:
    """A new generated password for an ACTIVE account; returned once, stored hashed."""
    now = now or timezone.now()
    password = secrets.token_urlsafe(18)
    with transaction.atomic():
        account = FtpAccount.objects.select_for_update().get(pk=account.pk)
        if account.status != FtpStatus.ACTIVE:
            raise CredentialError(_("A password can be set once the FTP account is active."))
        account.password_hash = hash_ftp_password(password)
        account.password_set_at = now
        account.save(update_fields=["password_hash", "password_set_at"])
        audit_record(
            actor=actor, action="ftp_account.password_reset", obj=account, seller=account.seller
        )
        cache.invalidate_after_commit()
    return password


def _ftp_set_status(
    *, actor: Actor, account: FtpAccount, status: str, allowed: set[str], reason: str
) -> FtpAccount:
    if not reason.strip():
        raise CredentialError(_("Give a reason."))
    with transaction.atomic():
        account = FtpAccount.objects.select_for_update().get(pk=account.pk)
        if account.status not in allowed:
            raise CredentialError(
                _("The FTP account is %(status)s.") % {"status": account.get_status_display()}
            )
        before = account.status
        account.status = status
        account.status_reason = reason.strip()[:300]
        account.save(update_fields=["status", "status_reason"])
        audit_record(
            actor=actor,
            action=f"ftp_account.{status}",
            obj=account,
            seller=account.seller,
            before={"status": before},
            after={"status": status, "reason": account.status_reason},
        )
        cache.invalidate_after_commit()
    return account


def ftp_account_suspend(*, actor: Actor, account: FtpAccount, reason: str) -> FtpAccount:
    return _ftp_set_status(
        actor=actor,
        account=account,
        status=FtpStatus.SUSPENDED,
        allowed={FtpStatus.ACTIVE},
        reason=reason,
    )


def ftp_account_reactivate(*, actor: Actor, account: FtpAccount, reason: str) -> FtpAccount:
    return _ftp_set_status(
        actor=actor,
        account=account,
        status=FtpStatus.ACTIVE,
        allowed={FtpStatus.SUSPENDED},
        reason=reason,
    )
