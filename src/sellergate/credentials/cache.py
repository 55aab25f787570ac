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
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

_lock = threading.Lock()
_seen_epoch: int | None = None


def _epoch_path() -> Path:
    return Path(settings.DATA_DIR) / "credentials.epoch"


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


def get(key: str) -> Any:
    _check_epoch()
    return _cache().get(key)


def put(key: str, value: Any) -> None:
    _cache().set(key, value)


def _bump() -> None:
    path = _epoch_path()
    path.touch(exist_ok=True)
    # A strictly newer time even when two changes land within the clock's resolution.
    now = max(time.time_ns(), _current_epoch() + 1)
    os.utime(path, ns=(now, now))
    _cache().clear()


def invalidate_after_commit() -> None:
    """Call inside the transaction that changes a credential."""
    transaction.on_commit(_bump)
