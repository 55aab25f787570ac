"""API keys: issue, verify, rotate with grace, expire, revoke, and what is refused when."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from sellergate.core.actors import Actor
from sellergate.credentials import api_keys, suspension
from sellergate.credentials.errors import CredentialError, KeyRejected
from sellergate.credentials.models import ApiKey, KeyStatus
from sellergate.credentials.verification import verify_api_key
from tests.factories import SellerFactory, granted_seller

pytestmark = pytest.mark.django_db

ACTOR = Actor.system("test")


def issue(seller=None, **kwargs):
    return api_keys.api_key_create(
        actor=ACTOR, seller=seller or granted_seller(), name="受注システム", **kwargs
    )


def rejected(token: str, **kwargs) -> str:
    with pytest.raises(KeyRejected) as raised:
        verify_api_key(token, **kwargs)
    return raised.value.reason


def test_an_issued_key_verifies_and_is_stored_only_as_a_hash() -> None:
    key, token = issue()
    verified = verify_api_key(token)
    assert (verified.key_id, verified.seller_id) == (key.pk, key.seller_id)
    assert key.last4 == token[-4:]
    stored = ApiKey.objects.filter(pk=key.pk).values().get()
    assert not any(token[4:][12:44] in str(value) for value in stored.values())


def test_keys_are_issued_only_after_the_request_was_approved() -> None:
    with pytest.raises(CredentialError):
        issue(SellerFactory())


def test_a_bad_checksum_is_refused_without_any_query(django_assert_num_queries) -> None:
    _key, token = issue()
    mistyped = token[:20] + ("x" if token[20] != "x" else "y") + token[21:]
    with django_assert_num_queries(0):
        assert rejected(mistyped) == "bad_checksum"
        assert rejected("sgk_short") == "malformed"


def test_a_wrong_secret_looks_exactly_like_an_unknown_key() -> None:
    key, _token = issue()
    from sellergate.credentials import tokens

    other, _ = tokens.generate(tokens.API_KEY_PREFIX)
    same_id_wrong_secret = tokens.API_KEY_PREFIX + key.public_id + other[16:48]
    same_id_wrong_secret += tokens._checksum(same_id_wrong_secret)
    assert rejected(same_id_wrong_secret) == "unknown"
    assert rejected(other) == "unknown"


def test_a_cached_key_verifies_without_a_query(django_assert_num_queries) -> None:
    _key, token = issue()
    verify_api_key(token)
    with django_assert_num_queries(0):
        verify_api_key(token)


def test_last_used_is_written_at_most_once_a_minute(django_assert_num_queries) -> None:
    key, token = issue()
    now = timezone.now()
    verify_api_key(token, now=now)
    with django_assert_num_queries(0):
        verify_api_key(token, now=now + dt.timedelta(seconds=59))
    with django_assert_num_queries(1):
        verify_api_key(token, now=now + dt.timedelta(seconds=61))
    key.refresh_from_db()
    assert key.last_used_at == now + dt.timedelta(seconds=61)


def test_revocation_is_honoured_on_the_next_request(django_capture_on_commit_callbacks) -> None:
    key, token = issue()
    verify_api_key(token)  # cached now
    with django_capture_on_commit_callbacks(execute=True):
        api_keys.api_key_revoke(actor=ACTOR, key=key, reason="漏えいの疑い")
    assert rejected(token) == "revoked"


def test_rotation_keeps_the_old_key_for_the_grace_period(
    django_capture_on_commit_callbacks,
) -> None:
    old, old_token = issue()
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        new, new_token = api_keys.api_key_rotate(actor=ACTOR, key=old, grace_hours=24, now=now)
    assert verify_api_key(new_token).key_id == new.pk
    assert verify_api_key(old_token, now=now + dt.timedelta(hours=23, minutes=59)).key_id == old.pk
    assert rejected(old_token, now=now + dt.timedelta(hours=24)) == "revoked"
    old.refresh_from_db()
    assert old.replaced_by == new
    with pytest.raises(CredentialError):
        api_keys.api_key_rotate(actor=ACTOR, key=old)  # rotated once already


def test_rotation_with_no_grace_revokes_at_once(django_capture_on_commit_callbacks) -> None:
    old, old_token = issue()
    with django_capture_on_commit_callbacks(execute=True):
        api_keys.api_key_rotate(actor=ACTOR, key=old, grace_hours=0)
    assert rejected(old_token) == "revoked"


def test_the_expiry_job_retires_rotated_keys() -> None:
    old, _ = issue()
    now = timezone.now()
    api_keys.api_key_rotate(actor=ACTOR, key=old, grace_hours=1, now=now)
    assert api_keys.api_keys_expire(now=now + dt.timedelta(minutes=30)) == 0
    assert api_keys.api_keys_expire(now=now + dt.timedelta(hours=2)) == 1
    old.refresh_from_db()
    assert old.status == KeyStatus.REVOKED


def test_keys_expire_under_an_operator_policy(settings) -> None:
    settings.API_KEY_MAX_AGE_DAYS = 90
    key, token = issue()
    assert key.expires_at is not None
    assert verify_api_key(token, now=key.expires_at - dt.timedelta(seconds=1))
    assert rejected(token, now=key.expires_at) == "expired"
    api_keys.api_keys_expire(now=key.expires_at)
    key.refresh_from_db()
    assert key.status == KeyStatus.EXPIRED


def test_no_expiry_by_default() -> None:
    key, _ = issue()
    assert key.expires_at is None


def test_a_suspended_seller_s_keys_are_refused(django_capture_on_commit_callbacks) -> None:
    key, token = issue()
    verify_api_key(token)
    with django_capture_on_commit_callbacks(execute=True):
        suspension.credentials_suspend(actor=ACTOR, seller=key.seller, reason="規約違反")
    assert rejected(token) == "seller_suspended"
    with django_capture_on_commit_callbacks(execute=True):
        suspension.credentials_resume(actor=ACTOR, seller=key.seller, reason="解消")
    assert verify_api_key(token)


def test_an_allow_list_limits_where_a_key_works() -> None:
    _key, token = issue(allowed_networks=["203.0.113.0/24", "2001:db8::/32"])
    assert verify_api_key(token, source_address="203.0.113.9")
    assert verify_api_key(token, source_address="2001:db8::1")
    assert rejected(token, source_address="198.51.100.1") == "network"
    assert rejected(token, source_address=None) == "network"


def test_a_bad_network_is_refused_with_an_example() -> None:
    with pytest.raises(CredentialError, match=r"203\.0\.113\.0/24"):
        issue(allowed_networks=["10.0.0.300/8"])


def test_at_most_five_active_keys() -> None:
    seller = granted_seller()
    for _ in range(api_keys.MAX_ACTIVE_KEYS):
        issue(seller)
    with pytest.raises(CredentialError):
        issue(seller)


def test_every_key_event_is_audited_without_the_secret() -> None:
    from sellergate.audit.models import AuditEvent

    key, token = issue()
    api_keys.api_key_rotate(actor=ACTOR, key=key, grace_hours=1)
    events = list(AuditEvent.objects.filter(action__startswith="api_key."))
    assert [e.action for e in events] == ["api_key.rotate", "api_key.create"]
    assert all(token not in str(e.after) for e in events)
    assert events[1].after["last4"] == token[-4:]


def test_expiry_notices_go_out_once_per_threshold(settings) -> None:
    from django.core import mail

    from sellergate.audit.models import AuditEvent
    from sellergate.credentials.api_keys import api_keys_expiry_notices

    settings.API_KEY_MAX_AGE_DAYS = 90
    key, _token = issue()
    created = key.expires_at - dt.timedelta(days=90)
    assert api_keys_expiry_notices(now=created + dt.timedelta(days=60)) == 0  # 30 days left
    assert api_keys_expiry_notices(now=key.expires_at - dt.timedelta(days=13, hours=12)) == 1
    assert (
        api_keys_expiry_notices(now=key.expires_at - dt.timedelta(days=13)) == 0
    )  # 14-day notice sent
    assert api_keys_expiry_notices(now=key.expires_at - dt.timedelta(days=6, hours=12)) == 1
    assert api_keys_expiry_notices(now=key.expires_at - dt.timedelta(hours=12)) == 1
    assert len(mail.outbox) == 3
    assert AuditEvent.objects.filter(action="api_key.expiry_notice").count() == 3
    assert f"…{key.last4}" in mail.outbox[0].subject
    assert "有効期限まであと14日" in mail.outbox[0].subject
