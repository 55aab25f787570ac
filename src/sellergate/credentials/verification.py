"""Verifying presented keys: one function per kind, used by every caller.

``verify_api_key`` and ``verify_seller_auth_key`` return what the key stands for or
raise ``KeyRejected`` with a precise reason. The shape and checksum are checked before
any lookup; then the cache (see ``cache``) or one query; the secret is compared in
constant time, and a wrong secret is reported exactly as an unknown key.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import ipaddress
from collections.abc import Callable
from dataclasses import dataclass, replace

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from sellergate.core.metrics import KEY_VERIFICATIONS
from sellergate.credentials import cache, tokens
from sellergate.credentials.errors import KeyRejected
from sellergate.credentials.models import ApiKey, KeyStatus, SellerAuthKey

LAST_USED_EVERY = dt.timedelta(minutes=1)


def _counted[**P, R](kind: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Count each verification by outcome (ok or the rejection's reason) for /metrics."""

    def decorate(verify: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(verify)
        def counted(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                result = verify(*args, **kwargs)
            except KeyRejected as rejected:
                KEY_VERIFICATIONS.labels(kind=kind, outcome=rejected.reason).inc()
                raise
            KEY_VERIFICATIONS.labels(kind=kind, outcome="ok").inc()
            return result

        return counted

    return decorate


@dataclass(frozen=True)
class KeyRecord:
    """What the cache holds for a key: everything verification needs, no secret."""

    key_id: int
    seller_id: int
    seller_login_id: str
    secret_hash: str
    pepper_id: str
    status: str
    expires_at: dt.datetime | None
    retires_at: dt.datetime | None
    seller_suspended: bool
    # Parsed once when the record is loaded, not on every request.
    allowed_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]
    last_used_at: dt.datetime | None


@dataclass(frozen=True)
class VerifiedKey:
    key_id: int
    seller_id: int
    seller_login_id: str


@dataclass(frozen=True)
class VerifiedSellerAuthKey:
    sak_id: int
    api_key_id: int
    seller_id: int
    seller_login_id: str
    user_id: int


def _parse(token: str, prefix: str) -> tokens.ParsedToken:
    try:
        return tokens.parse(token.strip(), prefix)
    except tokens.MalformedToken:
        raise KeyRejected("malformed") from None
    except tokens.BadChecksum:
        raise KeyRejected("bad_checksum") from None


def _load_api_key(public_id: str) -> KeyRecord | None:
    key = ApiKey.objects.select_related("seller").filter(public_id=public_id).first()
    if key is None:
        return None
    return KeyRecord(
        key_id=key.pk,
        seller_id=key.seller_id,
        seller_login_id=key.seller.login_id,
        secret_hash=key.secret_hash,
        pepper_id=key.pepper_id,
        status=key.status,
        expires_at=key.expires_at,
        retires_at=key.retires_at,
        seller_suspended=key.seller.suspended_at is not None,
        allowed_networks=tuple(ipaddress.ip_network(net) for net in key.allowed_networks),
        last_used_at=key.last_used_at,
    )


def _api_key_record(public_id: str) -> KeyRecord | None:
    cache_key = f"api:{public_id}"
    record = cache.get(cache_key)
    if record is None:
        record = _load_api_key(public_id)
        if record is not None:
            cache.put(cache_key, record)
    return record


def _check(record: KeyRecord, now: dt.datetime, source_address: str | None) -> None:
    if record.status == KeyStatus.REVOKED or (record.retires_at and now >= record.retires_at):
        raise KeyRejected("revoked")
    if record.status == KeyStatus.EXPIRED or (record.expires_at and now >= record.expires_at):
        raise KeyRejected("expired")
    if record.seller_suspended:
        raise KeyRejected("seller_suspended")
    if record.allowed_networks:
        try:
            address = ipaddress.ip_address(source_address or "")
        except ValueError:
            raise KeyRejected("network") from None
        if not any(address in network for network in record.allowed_networks):
            raise KeyRejected("network")


def _record_use(
    model: type[ApiKey] | type[SellerAuthKey],
    pk: int,
    cache_key: str,
    record: KeyRecord | SakRecord,
    now: dt.datetime,
) -> None:
    """Record use at most once a minute per key: one UPDATE that never waits on a lock."""
    if record.last_used_at is not None and now - record.last_used_at < LAST_USED_EVERY:
        return
    model.objects.filter(pk=pk).filter(
        Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - LAST_USED_EVERY)
    ).update(last_used_at=now)
    cache.put(cache_key, replace(record, last_used_at=now))


@_counted("api_key")
def verify_api_key(
    token: str, *, source_address: str | None = None, now: dt.datetime | None = None
) -> VerifiedKey:
    parsed = _parse(token, tokens.API_KEY_PREFIX)
    record = _api_key_record(parsed.public_id)
    if record is None or not tokens.secret_matches(
        parsed.secret, record.pepper_id, record.secret_hash
    ):
        raise KeyRejected("unknown")
    now = now or timezone.now()
    _check(record, now, source_address)
    _record_use(ApiKey, record.key_id, f"api:{parsed.public_id}", record, now)
    return VerifiedKey(
        key_id=record.key_id, seller_id=record.seller_id, seller_login_id=record.seller_login_id
    )


def password_digest(password_hash: str) -> str:
    """A keyed digest of a user's password hash, so a SAK can tell it changed."""
    pepper = settings.KEY_PEPPERS[settings.KEY_PEPPER_ID]
    return hmac.new(pepper, b"password:" + password_hash.encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class SakRecord:
    sak_id: int
    secret_hash: str
    pepper_id: str
    expires_at: dt.datetime
    revoked: bool
    password_digest: str
    current_password_digest: str
    user_id: int
    user_active: bool
    api_key: KeyRecord
    last_used_at: dt.datetime | None


def _sak_record(public_id: str) -> SakRecord | None:
    cache_key = f"sak:{public_id}"
    record = cache.get(cache_key)
    if record is not None:
        return record
    sak = (
        SellerAuthKey.objects.select_related("user", "api_key").filter(public_id=public_id).first()
    )
    if sak is None:
        return None
    api_key = _load_api_key(sak.api_key.public_id)
    assert api_key is not None
    record = SakRecord(
        sak_id=sak.pk,
        secret_hash=sak.secret_hash,
        pepper_id=sak.pepper_id,
        expires_at=sak.expires_at,
        revoked=sak.revoked_at is not None,
        password_digest=sak.password_digest,
        current_password_digest=password_digest(sak.user.password),
        user_id=sak.user_id,
        user_active=sak.user.is_active,
        api_key=api_key,
        last_used_at=sak.last_used_at,
    )
    cache.put(cache_key, record)
    return record


@_counted("seller_auth_key")
def verify_seller_auth_key(
    token: str, *, source_address: str | None = None, now: dt.datetime | None = None
) -> VerifiedSellerAuthKey:
    parsed = _parse(token, tokens.SAK_PREFIX)
    record = _sak_record(parsed.public_id)
    if record is None or not tokens.secret_matches(
        parsed.secret, record.pepper_id, record.secret_hash
    ):
        raise KeyRejected("unknown")
    now = now or timezone.now()
    if record.revoked or not record.user_active:
        raise KeyRejected("revoked")
    if now >= record.expires_at:
        raise KeyRejected("expired")
    if not hmac.compare_digest(record.password_digest, record.current_password_digest):
        raise KeyRejected("password_changed")
    _check(record.api_key, now, source_address)  # the API key it was issued for
    _record_use(SellerAuthKey, record.sak_id, f"sak:{parsed.public_id}", record, now)
    return VerifiedSellerAuthKey(
        sak_id=record.sak_id,
        api_key_id=record.api_key.key_id,
        seller_id=record.api_key.seller_id,
        seller_login_id=record.api_key.seller_login_id,
        user_id=record.user_id,
    )
