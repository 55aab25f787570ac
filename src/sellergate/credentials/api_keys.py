"""API keys: issue, revoke, rotate, expire, and revoke at once when found leaked.

Every transition of an ``ApiKey`` is here. Each function is one transaction with one
audit event (the audit never holds a secret: keys are named by their last four
characters), and invalidates the verification cache in every process after commit
(see ``cache``). The token is returned to be shown once and is never stored: keys are
kept as HMACs (``tokens``).
"""

from __future__ import annotations

import datetime as dt
import ipaddress

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sellergate.access.models import AccessRequest, RequestKind, RequestStatus
from sellergate.accounts.models import User
from sellergate.audit.services import audit_record
from sellergate.core.actors import Actor
from sellergate.credentials import cache, notifications, tokens
from sellergate.credentials.errors import CredentialError
from sellergate.credentials.models import ApiKey, KeyStatus
from sellergate.sellers.models import Seller

MAX_ACTIVE_KEYS = 5
WORKER = Actor.system("worker")


def _key_audit(actor: Actor, action: str, key: ApiKey, **after: object) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=key,
        seller=key.seller,
        after={"name": key.name, "last4": key.last4, "status": key.status, **after},
    )


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
    *, seller: Seller, name: str, networks: list[str], created_by: User | None, now: dt.datetime
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
        created_by=created_by if created_by is not None and created_by.pk else None,
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
    count = 0
    for key in ApiKey.objects.filter(status=KeyStatus.ACTIVE, expires_at__lte=now).select_related(
        "seller"
    ):
        with transaction.atomic():
            key.status = KeyStatus.EXPIRED
            key.save(update_fields=["status"])
            _key_audit(WORKER, "api_key.expire", key)
            cache.invalidate_after_commit()
        count += 1
    for key in ApiKey.objects.filter(status=KeyStatus.ACTIVE, retires_at__lte=now).select_related(
        "seller"
    ):
        assert key.retires_at is not None  # filtered on above
        with transaction.atomic():
            _mark_revoked(key, at=key.retires_at, reason="rotated")
            key.save(update_fields=["status", "revoked_at", "revoked_reason"])
            _key_audit(WORKER, "api_key.retire", key)
            cache.invalidate_after_commit()
        count += 1
    return count


def api_keys_expiry_notices(*, now: dt.datetime | None = None) -> int:
    """One notice per key and threshold (SELLERGATE_API_KEY_EXPIRY_NOTICE_DAYS, e.g. 14, 7
    and 1 days before it expires); one mail even when several thresholds were passed at
    once (a worker that was off). Returns how many mails were sent."""
    now = now or timezone.now()
    sent = 0
    thresholds = sorted(settings.API_KEY_EXPIRY_NOTICE_DAYS, reverse=True)
    horizon = now + dt.timedelta(days=max(thresholds, default=0))
    keys = ApiKey.objects.filter(
        status=KeyStatus.ACTIVE, expires_at__gt=now, expires_at__lte=horizon
    ).select_related("seller")
    for key in keys:
        assert key.expires_at is not None  # filtered on above
        days_left = (key.expires_at - now).days + 1
        due = [t for t in thresholds if days_left <= t and t not in key.expiry_notices_sent]
        if not due:
            continue
        with transaction.atomic():
            key.expiry_notices_sent = [*key.expiry_notices_sent, *due]
            key.save(update_fields=["expiry_notices_sent"])
            _key_audit(WORKER, "api_key.expiry_notice", key, days_left=days_left)
        # Recorded first: a notice is never sent twice, even if this mail fails (logged).
        notifications.key_expiring(key=key, days=days_left)
        sent += 1
    return sent


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
