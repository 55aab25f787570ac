"""A token bucket per API key: ``burst`` calls at once, refilled at ``per_second``.

Buckets live in this process's memory (one lock), so with several web processes each
allows the full rate; #8 moves them to Redis when it is configured. A seller's own
limit (``SellerRateLimit``, set by operators) is read at most once a minute per process.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from django.conf import settings

from sellergate.qapi.models import SellerRateLimit

OVERRIDE_TTL = 60.0


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


def allow(key_id: int, seller_id: int, *, now: float | None = None) -> bool:
    """Take one token from the key's bucket; False when it is empty."""
    now = time.monotonic() if now is None else now
    rate, burst = _limits(seller_id, now)
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
