"""Rate limits in Redis: one bucket per key for every process, on Redis's clock."""

from __future__ import annotations

import time

import pytest
import redis

from sellergate.qapi import ratelimit
from tests.factories import SellerFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_redis")]


def test_the_burst_is_shared_by_every_process(settings) -> None:
    settings.API_RATE_PER_SECOND, settings.API_RATE_BURST = 1, 3
    seller = SellerFactory()
    ratelimit.reset()
    assert [ratelimit.allow(7, seller.pk) for _ in range(3)] == [True] * 3
    ratelimit._buckets.clear()  # another process: no buckets of its own
    assert not ratelimit.allow(7, seller.pk)
    assert ratelimit.allow(8, seller.pk)  # another key has its own bucket


def test_tokens_come_back_at_the_rate(settings) -> None:
    settings.API_RATE_PER_SECOND, settings.API_RATE_BURST = 20, 1
    seller = SellerFactory()
    ratelimit.reset()
    assert ratelimit.allow(9, seller.pk)
    assert not ratelimit.allow(9, seller.pk)
    time.sleep(0.1)  # two tokens' time at 20/s, capped by the burst of 1
    assert ratelimit.allow(9, seller.pk)


def test_an_unreachable_redis_falls_back_to_this_processs_buckets(settings, caplog) -> None:
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    settings.API_RATE_PER_SECOND, settings.API_RATE_BURST = 1, 2
    seller = SellerFactory()
    with ratelimit._lock:
        ratelimit._buckets.clear()
    assert [ratelimit.allow(10, seller.pk, now=1.0) for _ in range(3)] == [True, True, False]
    assert "using this process's own" in caplog.text


def test_buckets_expire_from_redis(settings, shared_redis) -> None:
    settings.API_RATE_PER_SECOND, settings.API_RATE_BURST = 10, 5
    ratelimit.allow(11, SellerFactory().pk)
    ttl = redis.Redis.from_url(shared_redis).ttl("sellergate:rate:11")
    assert 0 < ttl <= 2  # 5 tokens at 10/s: full again in half a second (+1)
