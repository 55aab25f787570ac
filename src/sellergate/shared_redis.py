"""The Redis connection shared by the parts that hold state across processes.

Only when ``SELLERGATE_REDIS_URL`` is set; every caller has a per-process fallback, so
a single machine needs no Redis. One client per URL (redis-py pools its connections and
is safe across threads); keyed by URL so that a changed setting (tests) gets its own.
"""

from __future__ import annotations

import threading

import redis
from django.conf import settings

_lock = threading.Lock()
_clients: dict[str, redis.Redis] = {}


def client() -> redis.Redis | None:
    url = settings.REDIS_URL
    if not url:
        return None
    with _lock:
        if url not in _clients:
            # Short timeouts: a stalled Redis must not hang API calls for long.
            _clients[url] = redis.Redis.from_url(
                url, socket_timeout=2, socket_connect_timeout=2, health_check_interval=30
            )
        return _clients[url]
