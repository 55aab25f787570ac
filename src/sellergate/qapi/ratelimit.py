"""A token bucket per API key: ``burst`` calls at once, refilled at ``per_second``.

With ``SELLERGATE_REDIS_URL`` set, the buckets live in Redis and one Lua script takes a
token atomically, on Redis's clock, so every web process on every machine shares one
limit per key. Without it (or while Redis cannot be reached, which is logged) each
process keeps its own buckets in memory, so N web processes allow up to N times the
rate. A seller's own limit (``SellerRateLimit``, set by operators) is read at most once
a minute per process.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

import redis
from django.conf import settings

from sellergate import shared_redis
from sellergate.qapi.models import SellerRateLimit

log = logging.getLogger(__name__)

OVERRIDE_TTL = 60.0

# KEYS[1] the bucket (a hash: tokens, updated); ARGV rate per second, burst.
# Returns 1 when a token was taken. The bucket expires once it would be full again.
BUCKET_SCRIPT = """
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = tonumber(bucket[1]) or burst
local updated = tonumber(bucket[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - updated) * rate)
local taken = 0
if tokens >= 1 then
  tokens = tokens - 1
  taken = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated', tostring(now))
redis.call('EXPIRE', KEYS[1], math.ceil(burst / rate) + 1)
return taken
"""


@dataclass
class Bucket:
    tokens: float
    updated: float


_lock = threading.Lock()
_buckets: dict[int, Bucket] = {}
_overrides: dict[int, tuple[float, tuple[int, int] | None]] = {}


def _limits(seller_id: int, now: float) -> tuple[int, int]:
    cached = _overrides.get(seller_id)
    if cached is None or now - cached[0] > OVERRIDE_TTL:
        row = (
            SellerRateLimit.objects.filter(seller_id=seller_id)
            .values_list("per_second", "burst")
            .first()
        )
        cached = (now, row)
        _overrides[seller_id] = cached
    return cached[1] or (settings.API_RATE_PER_SECOND, settings.API_RATE_BURST)


def _allow_shared(client: redis.Redis, key_id: int, rate: int, burst: int) -> bool | None:
    try:
        return bool(client.eval(BUCKET_SCRIPT, 1, f"sellergate:rate:{key_id}", rate, burst))
    except redis.RedisError as error:
        log.warning("rate limit in Redis failed (%s); using this process's own", error)
        return None


def allow(key_id: int, seller_id: int, *, now: float | None = None) -> bool:
    """Take one token from the key's bucket; False when it is empty."""
    now = time.monotonic() if now is None else now
    rate, burst = _limits(seller_id, now)
    client = shared_redis.client()
    if client is not None:
        shared = _allow_shared(client, key_id, rate, burst)
        if shared is not None:
            return shared
    with _lock:
        bucket = _buckets.get(key_id)
        if bucket is None:
            bucket = _buckets[key_id] = Bucket(tokens=burst, updated=now)
        bucket.tokens = min(burst, bucket.tokens + (now - bucket.updated) * rate)
        bucket.updated = now
        if bucket.tokens < 1:
            return False
        bucket.tokens -= 1
        return True


def reset() -> None:
    """Forget every bucket and override (tests, and after an operator changes a limit)."""
    with _lock:
        _buckets.clear()
        _overrides.clear()
    client = shared_redis.client()
    if client is not None:
        try:
            for key in client.scan_iter("sellergate:rate:*"):
                client.delete(key)
        except redis.RedisError as error:
            log.warning("rate limits in Redis not reset (%s)", error)
