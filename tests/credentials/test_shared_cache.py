"""The key-verification cache in Redis: shared by every process, invalidated at once by a
change, and never flushed (the rate limits share the database)."""

from __future__ import annotations

import pytest
import redis
from django.core.cache import caches

from sellergate.credentials import api_keys, cache
from sellergate.credentials.verification import verify_api_key
from tests.credentials.test_api_keys import ACTOR, issue, rejected

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_redis")]


def forget_this_process() -> None:
    """What another process would be: nothing of this one's memory, the same Redis."""
    caches.close_all()


def test_a_key_verified_once_is_found_in_redis_by_another_process(
    django_assert_num_queries, shared_redis
) -> None:
    key, token = issue()
    verify_api_key(token)
    assert any(b"api:" in name for name in redis.Redis.from_url(shared_redis).keys("*"))
    forget_this_process()
    with django_assert_num_queries(0):
        assert verify_api_key(token).key_id == key.pk


def test_a_revocation_makes_every_cached_entry_unreachable_at_once(
    django_capture_on_commit_callbacks,
) -> None:
    key, token = issue()
    _other, other_token = issue()
    verify_api_key(token)
    verify_api_key(other_token)
    with django_capture_on_commit_callbacks(execute=True):
        api_keys.api_key_revoke(actor=ACTOR, key=key)
    forget_this_process()
    assert rejected(token) == "revoked"
    verify_api_key(other_token)  # the other key still verifies (loaded again)


def test_a_value_loaded_before_a_change_is_not_served_after_it(
    django_capture_on_commit_callbacks,
) -> None:
    key, _token = issue()
    assert cache.get("api:probe") is None  # reads the generation, as a lookup does
    with django_capture_on_commit_callbacks(execute=True):
        api_keys.api_key_revoke(actor=ACTOR, key=key)
    cache.put("api:probe", "loaded before the change")  # stored under the old generation
    assert cache.get("api:probe") is None


def test_invalidation_never_flushes_redis(shared_redis, django_capture_on_commit_callbacks) -> None:
    client = redis.Redis.from_url(shared_redis)
    client.set("sellergate:rate:unrelated", "kept")
    key, _token = issue()
    with django_capture_on_commit_callbacks(execute=True):
        api_keys.api_key_revoke(actor=ACTOR, key=key)
    assert client.get("sellergate:rate:unrelated") == b"kept"
