"""The cache in front of key verification, and how a change reaches every process.

Verified keys are cached (``caches["credentials"]``: local memory by default, a shared
Redis when configured) so a busy API does not query the database on every call. Any
change to a key, a seller's suspension or a user's password must be seen on the very
next request, in every process:

- the writing process deletes the entry after its transaction commits;
- other processes on the same data directory notice through the *epoch file*
  (``DATA_DIR/credentials.epoch``): every change rewrites it, every lookup compares its
  modification time (one ``stat``, about a microsecond) with the one last seen and drops
  its local cache when it moved.

Bound on staleness: none after the writing transaction has committed, for every
process that shares the data directory (tested with two processes). Where the data
directory's mtime cannot be trusted (some network file systems cache attributes), the
cache's timeout, SELLERGATE_CREDENTIAL_CACHE_SECONDS (60 s), is the upper bound, and
a shared Redis cache removes it.

With Redis (``SELLERGATE_REDIS_URL``) the cache itself is shared: a key verified by one
web process is found by every other. Entries are then stored under a *generation*
(Django's cache ``version``) kept in Redis; a change increments it (atomic ``INCR``),
which makes every older entry unreachable at once on every machine, and the old entries
expire by the timeout. A value is stored under the generation read *before* it was
loaded (kept per thread between ``get`` and ``put``), so a change committed while it
was being loaded leaves it unreachable instead of stale. Redis's ``FLUSHDB`` (what
Django's ``clear()`` does) is never used: the rate limits live in the same database.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction

from sellergate.core import paths

_lock = threading.Lock()
_seen_epoch: int | None = None
_generation_read = threading.local()
GENERATION = "generation"


def _epoch_path() -> Path:
    return paths.credentials_epoch()


def _current_epoch() -> int:
    try:
        return os.stat(_epoch_path()).st_mtime_ns
    except FileNotFoundError:
        return 0


def _cache() -> Any:
    return caches["credentials"]


def _check_epoch() -> None:
    global _seen_epoch
    epoch = _current_epoch()
    if epoch != _seen_epoch:
        with _lock:
            if epoch != _seen_epoch:
                _cache().clear()
                _seen_epoch = epoch


def _shared() -> bool:
    return isinstance(_cache(), RedisCache)


def _generation() -> int:
    # Version 0 is the generation's own slot; entries use 1 and up.
    return _cache().get(GENERATION, 0, version=0) + 1


def get(key: str) -> Any:
    if _shared():
        _generation_read.value = _generation()
        return _cache().get(key, version=_generation_read.value)
    _check_epoch()
    return _cache().get(key)


def put(key: str, value: Any) -> None:
    if _shared():
        generation = getattr(_generation_read, "value", None) or _generation()
        _cache().set(key, value, version=generation)
        return
    _cache().set(key, value)


def _bump() -> None:
    if _shared():
        try:
            _cache().incr(GENERATION, version=0)
        except ValueError:  # the first change ever
            if not _cache().add(GENERATION, 1, timeout=None, version=0):
                _cache().incr(GENERATION, version=0)
        return
    path = _epoch_path()
    path.touch(exist_ok=True)
    # A strictly newer time even when two changes land within the clock's resolution.
    now = max(time.time_ns(), _current_epoch() + 1)
    os.utime(path, ns=(now, now))
    _cache().clear()


def invalidate_after_commit() -> None:
    """Call inside the transaction that changes a credential."""
    transaction.on_commit(_bump)


def on_password_changed(sender: object, **kwargs: Any) -> None:
    """``accounts.signals.password_changed``'s receiver."""
    invalidate_after_commit()
