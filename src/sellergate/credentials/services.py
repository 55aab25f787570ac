"""The only write path for credentials: API keys, seller authorization keys, FTP accounts.

Each function is one transaction with one audit event (the audit never holds a secret:
keys are named by their last four characters), and invalidates the verification cache
in every process after commit (see ``cache``). Secrets are returned to the caller to be
shown once and are never stored: keys as HMACs, FTP passwords through Django's hashers.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sellergate.access.models import AccessRequest, RequestKind, RequestStatus
from sellergate.accounts.throttle import login_locked_until
from sellergate.audit.actors import Actor
from sellergate.audit.services import audit_record
from sellergate.credentials import cache, ftp_logins, tokens
from sellergate.credentials.errors import CredentialError, KeyRejected
from sellergate.credentials.hashers import check_ftp_password, hash_ftp_password
from sellergate.credentials.models import (
    ApiKey,
    FtpAccount,
    FtpStatus,
    KeyStatus,
    SellerAuthKey,
)
from sellergate.credentials.verification import password_digest, verify_api_key
from sellergate.sellers.models import Seller

MAX_ACTIVE_KEYS = 5

#: The FTP home's folders, as the marketplace's FTP drop has them.
FTP_FOLDERS = ("item", "inventory", "images", "results")


def _key_audit(actor: Actor, action: str, key: ApiKey, **after: object) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=key,
        seller=key.seller,
        after={"name": key.name, "last4": key.last4, "status": key.status, **after},
    )


# --- API access and keys ----------------------------------------------------------------


def api_access_granted(seller: Seller) -> bool:
    """An approved API key request (FULFILLED) lets the seller issue keys."""
    return AccessRequest.objects.filter(
        seller=seller, kind=RequestKind.API_KEY, status=RequestStatus.FULFILLED
    ).exists()


def _validated_networks(networks: list[str] | tuple[str, ...]) -> list[str]:
    cleaned = []
    for item in networks:
        item = item.strip()
        if not item:
            continue
        try:
            cleaned.append(str(ipaddress.ip_network(item, strict=False)))
        except ValueError:
            raise CredentialError(
                _("%(value)s is not an address or network (write e.g. 203.0.113.0/24).")
                % {"value": item}
            ) from None
    return cleaned


def _new_key(
    *, seller: Seller, name: str, networks: list[str], created_by: object, now: dt.datetime
) -> tuple[ApiKey, str]:
    token, parsed = tokens.generate(tokens.API_KEY_PREFIX)
    pepper_id, digest = tokens.hash_secret(parsed.secret)
    max_age = settings.API_KEY_MAX_AGE_DAYS
    key = ApiKey.objects.create(
        seller=seller,
        name=name,
        public_id=parsed.public_id,
        secret_hash=digest,
        pepper_id=pepper_id,
        last4=token[-4:],
        created_by=created_by if getattr(created_by, "pk", None) else None,
        expires_at=now + dt.timedelta(days=max_age) if max_age else None,
        allowed_networks=networks,
    )
    return key, token


def api_key_create(
    *,
    actor: Actor,
    seller: Seller,
    name: str,
    allowed_networks: list[str] | tuple[str, ...] = (),
    now: dt.datetime | None = None,
) -> tuple[ApiKey, str]:
    """Issue a key to a seller whose API key request was approved; returns (key, token).

    The token is the only copy of the secret: show it once."""
    now = now or timezone.now()
    name = name.strip()
    if not name:
        raise CredentialError(_("Give the key a name, e.g. the system that will use it."))
    networks = _validated_networks(list(allowed_networks))
    with transaction.atomic():
        seller = Seller.objects.select_for_update().get(pk=seller.pk)
        if not api_access_granted(seller):
            raise CredentialError(
                _("API keys can be issued once your API key request is approved.")
            )
        if seller.suspended_at is not None:
            raise CredentialError(
                _("Your credentials are suspended: %(reason)s")
                % {"reason": seller.suspension_reason}
            )
        if seller.api_keys.filter(status=KeyStatus.ACTIVE).count() >= MAX_ACTIVE_KEYS:
            raise CredentialError(
                _("You have %(max)d active keys already; revoke one first.")
                % {"max": MAX_ACTIVE_KEYS}
            )
        key, token = _new_key(
            seller=seller, name=name, networks=networks, created_by=actor.user, now=now
        )
        _key_audit(actor, "api_key.create", key, networks=networks)
        cache.invalidate_after_commit()
    return key, token


def _mark_revoked(key: ApiKey, *, at: dt.datetime, reason: str) -> None:
    """The one way a key ends as revoked (by hand, by rotation, after its grace period):
    the seller authorization keys issued for it end with it. The caller saves the key."""
    key.status = KeyStatus.REVOKED
    key.revoked_at = at
    key.revoked_reason = reason.strip()[:300]
    key.seller_auth_keys.filter(revoked_at__isnull=True).update(revoked_at=at)


def api_key_revoke(
    *, actor: Actor, key: ApiKey, reason: str = "", now: dt.datetime | None = None
) -> ApiKey:
    """Revoke at once; the seller authorization keys issued for it die with it."""
    now = now or timezone.now()
    with transaction.atomic():
        key = ApiKey.objects.select_for_update().select_related("seller").get(pk=key.pk)
        if key.status != KeyStatus.ACTIVE:
            raise CredentialError(_("This key is not active any more."))
        _mark_revoked(key, at=now, reason=reason)
        key.save()
        _key_audit(actor, "api_key.revoke", key, reason=key.revoked_reason)
        cache.invalidate_after_commit()
    return key


def api_key_rotate(
    *, actor: Actor, key: ApiKey, grace_hours: int | None = None, now: dt.datetime | None = None
) -> tuple[ApiKey, str]:
    """A new key in place of ``key``, which keeps working for ``grace_hours`` (0: revoked now)."""
    now = now or timezone.now()
    grace = settings.API_KEY_DEFAULT_GRACE_HOURS if grace_hours is None else grace_hours
    if not 0 <= grace <= 24 * 30:
        raise CredentialError(_("The grace period is from 0 to 720 hours."))
    with transaction.atomic():
        old = ApiKey.objects.select_for_update().select_related("seller").get(pk=key.pk)
        if not old.usable_at(now) or old.replaced_by_id is not None:
            raise CredentialError(_("Only an active key that was not rotated yet can be rotated."))
        new, token = _new_key(
            seller=old.seller,
            name=old.name,
            networks=old.allowed_networks,
            created_by=actor.user,
            now=now,
        )
        old.replaced_by = new
        if grace == 0:
            _mark_revoked(old, at=now, reason="rotated")
        else:
            old.retires_at = now + dt.timedelta(hours=grace)
        old.save()
        _key_audit(actor, "api_key.rotate", new, replaces=old.last4, grace_hours=grace)
        cache.invalidate_after_commit()
    return new, token


def api_keys_expire(*, now: dt.datetime | None = None) -> int:
    """Mark keys past their expiry or their rotation grace; returns how many."""
    now = now or timezone.now()
    actor = Actor.system("worker")
    count = 0
    for key in ApiKey.objects.filter(status=KeyStatus.ACTIVE, expires_at__lte=now).select_related(
        "seller"
    ):
        with transaction.atomic():
            key.status = KeyStatus.EXPIRED
            key.save(update_fields=["status"])
            _key_audit(actor, "api_key.expire", key)
            cache.invalidate_after_commit()
        count += 1
    for key in ApiKey.objects.filter(status=KeyStatus.ACTIVE, retires_at__lte=now).select_related(
        "seller"
    ):
        with transaction.atomic():
            _mark_revoked(key, at=key.retires_at, reason="rotated")
            key.save(update_fields=["status", "revoked_at", "revoked_reason"])
            _key_audit(actor, "api_key.retire", key)
            cache.invalidate_after_commit()
        count += 1
    return count


# --- seller authorization keys ------------------------------------------------------------


def sak_issue(
    *,
    api_key_token: str,
    login_id: str,
    password: str,
    source_address: str | None = None,
    now: dt.datetime | None = None,
) -> tuple[SellerAuthKey, str]:
    """Exchange an API key and a seller user's log-in for a seller authorization key.

    Raises ``KeyRejected`` for the API key, and ``CredentialError`` for a log-in that
    fails, without saying whether the user or the password was wrong."""
    now = now or timezone.now()
    verified = verify_api_key(api_key_token, source_address=source_address, now=now)
    if (until := login_locked_until(login_id, source_address)) is not None:
        raise CredentialError(
            _("Too many failed log-ins: this user ID is locked until %(when)s (Japan time).")
            % {"when": f"{timezone.localtime(until):%Y-%m-%d %H:%M}"}
        )
    user = authenticate(username=login_id, password=password, source_address=source_address)
    if user is None or not user.is_seller_user or user.seller_id != verified.seller_id:
        raise CredentialError(_("The user ID or the password is wrong."), failed_login=True)
    token, parsed = tokens.generate(tokens.SAK_PREFIX)
    pepper_id, digest = tokens.hash_secret(parsed.secret)
    with transaction.atomic():
        sak = SellerAuthKey.objects.create(
            api_key_id=verified.key_id,
            user=user,
            public_id=parsed.public_id,
            secret_hash=digest,
            pepper_id=pepper_id,
            password_digest=password_digest(user.password),
            expires_at=now + dt.timedelta(days=settings.SAK_LIFETIME_DAYS),
        )
        audit_record(
            actor=Actor(user=user, label=user.get_username(), source_address=source_address),
            action="seller_auth_key.issue",
            obj=sak,
            seller=user.seller,
            after={"api_key_id": verified.key_id, "expires_at": sak.expires_at.isoformat()},
        )
    return sak, token


# --- FTP accounts -------------------------------------------------------------------------


def ftp_username(seller: Seller) -> str:
    return f"sg-{seller.login_id.lower()}"


def ftp_account_open(*, actor: Actor, request: AccessRequest) -> FtpAccount:
    """On approval of an FTP application: an account in PROVISIONING and a task to build it."""
    from sellergate.credentials.tasks import provision_ftp_account

    existing = (
        FtpAccount.objects.filter(seller=request.seller).exclude(status=FtpStatus.CLOSED).first()
    )
    if existing is not None:
        return existing
    account = FtpAccount.objects.create(
        seller=request.seller,
        request=request,
        username=ftp_username(request.seller),
        provision_enqueued_at=timezone.now(),
    )
    audit_record(
        actor=actor,
        action="ftp_account.open",
        obj=account,
        seller=request.seller,
        after={"status": account.status},
    )
    transaction.on_commit(lambda: provision_ftp_account.enqueue(account.pk))
    return account


def _home(account: FtpAccount) -> Path:
    return Path(settings.FTP_ROOT) / account.username


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
        home = _home(account)
        for folder in FTP_FOLDERS:
            (home / folder).mkdir(parents=True, exist_ok=True)
        account.home = str(home)
        account.status = FtpStatus.ACTIVE
        account.activated_at = now
        account.save()
        if account.request is not None and account.request.status == RequestStatus.APPROVED:
            from sellergate.access.services import request_fulfil

            request_fulfil(actor=Actor.system("worker"), request=account.request)
        audit_record(
            actor=Actor.system("worker"),
            action="ftp_account.activate",
            obj=account,
            seller=account.seller,
            before={"status": FtpStatus.PROVISIONING},
            after={"status": FtpStatus.ACTIVE, "home": str(home)},
        )
        cache.invalidate_after_commit()
    return account


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


def ftp_authenticate(username: str, password: str) -> FtpAccount:
    """The FTP server's log-in check. Raises ``KeyRejected`` ("unknown" for a wrong user or
    password alike, "revoked" for a suspended or closed account, "seller_suspended")."""
    account = FtpAccount.objects.select_related("seller").filter(username=username).first()
    if account is None or not account.password_hash:
        hash_ftp_password(password)  # the same work as a real check, so timing tells nothing
        raise KeyRejected("unknown")
    if not ftp_logins.recently_verified(username, account.password_hash, password):
        with ftp_logins.single_flight(username, password):
            # Those who waited for an identical log-in find its result remembered.
            if not ftp_logins.recently_verified(username, account.password_hash, password):
                if not check_ftp_password(password, account.password_hash):
                    raise KeyRejected("unknown")
                ftp_logins.remember(username, account.password_hash, password)
    if account.status != FtpStatus.ACTIVE:
        raise KeyRejected("revoked")
    if account.seller.suspended_at is not None:
        raise KeyRejected("seller_suspended")
    return account


def ftp_account_usable(username: str) -> bool:
    """Whether a logged-in FTP session may go on: ``ftp_authenticate``'s rule (an ACTIVE
    account of a seller not suspended), asked again at each command."""
    return FtpAccount.objects.filter(
        username=username, status=FtpStatus.ACTIVE, seller__suspended_at__isnull=True
    ).exists()


# --- suspension and standing --------------------------------------------------------------


def credentials_suspend(
    *, actor: Actor, seller: Seller, reason: str, by_standing: bool = False
) -> Seller:
    """Stop every API key, seller authorization key and FTP log-in of the seller."""
    if not reason.strip():
        raise CredentialError(_("Give a reason."))
    with transaction.atomic():
        seller = Seller.objects.select_for_update().get(pk=seller.pk)
        if seller.suspended_at is not None:
            return seller
        seller.suspended_at = timezone.now()
        seller.suspension_reason = reason.strip()[:300]
        seller.suspended_by_standing = by_standing
        seller.save(update_fields=["suspended_at", "suspension_reason", "suspended_by_standing"])
        audit_record(
            actor=actor,
            action="credentials.suspend",
            obj=seller,
            seller=seller,
            after={"reason": seller.suspension_reason, "by_standing": by_standing},
        )
        cache.invalidate_after_commit()
    return seller


def credentials_resume(*, actor: Actor, seller: Seller, reason: str) -> Seller:
    with transaction.atomic():
        seller = Seller.objects.select_for_update().get(pk=seller.pk)
        if seller.suspended_at is None:
            return seller
        before = seller.suspension_reason
        seller.suspended_at = None
        seller.suspension_reason = ""
        seller.suspended_by_standing = False
        seller.save(update_fields=["suspended_at", "suspension_reason", "suspended_by_standing"])
        audit_record(
            actor=actor,
            action="credentials.resume",
            obj=seller,
            seller=seller,
            before={"reason": before},
            after={"reason": reason.strip()[:300]},
        )
        cache.invalidate_after_commit()
    return seller


def standing_lost(*, actor: Actor, seller: Seller, today: dt.date) -> dt.date:
    """Note the first day out of standing; returns it."""
    with transaction.atomic():
        locked = Seller.objects.select_for_update().get(pk=seller.pk)
        if locked.out_of_standing_since is None:
            locked.out_of_standing_since = today
            locked.save(update_fields=["out_of_standing_since"])
            audit_record(
                actor=actor,
                action="standing.lost",
                obj=locked,
                seller=locked,
                after={"since": today.isoformat()},
            )
        seller.out_of_standing_since = locked.out_of_standing_since
        return locked.out_of_standing_since


def standing_restored(*, actor: Actor, seller: Seller) -> None:
    """Clear the out-of-standing mark, and lift a suspension the standing check made."""
    with transaction.atomic():
        locked = Seller.objects.select_for_update().get(pk=seller.pk)
        if locked.out_of_standing_since is not None:
            locked.out_of_standing_since = None
            locked.save(update_fields=["out_of_standing_since"])
            audit_record(actor=actor, action="standing.restored", obj=locked, seller=locked)
        if locked.suspended_by_standing:
            credentials_resume(actor=actor, seller=locked, reason="standing restored")


# --- leaked keys ---------------------------------------------------------------------------


def api_key_report_leak(*, token: str, url: str = "", source: str = "") -> str:
    """A key found in public: revoke it at once if it is one of ours and live, tell the
    seller, audit it. Returns "true_positive" for any real key, else "false_positive"."""
    try:
        parsed = tokens.parse(token.strip(), tokens.API_KEY_PREFIX)
    except ValueError:
        return "false_positive"
    key = ApiKey.objects.select_related("seller").filter(public_id=parsed.public_id).first()
    if key is None or not tokens.secret_matches(parsed.secret, key.pepper_id, key.secret_hash):
        return "false_positive"
    if key.status == KeyStatus.ACTIVE:
        from sellergate.credentials import notifications

        actor = Actor.system("secret-scanning")
        with transaction.atomic():
            revoked = api_key_revoke(actor=actor, key=key, reason=f"leaked: {url or source}"[:300])
            audit_record(
                actor=actor,
                action="api_key.leak_reported",
                obj=revoked,
                seller=revoked.seller,
                after={"last4": revoked.last4, "url": url[:200], "source": source[:50]},
            )
            notifications.key_leaked(key=revoked, url=url, source=source)
    return "true_positive"
