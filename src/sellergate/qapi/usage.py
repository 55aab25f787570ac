"""Counting API calls per key and method without a database write per call.

Each process adds calls to an in-memory tally and writes it out (one transaction, one
row per key and method) at most every ``API_USAGE_FLUSH_SECONDS``, on the request that
finds the interval passed, and at exit. A crash loses at most that interval's counts;
the per-call log line still has every call.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from sellergate.qapi.models import ApiUsage


@dataclass
class Tally:
    calls: int = 0
    errors: int = 0
    last_called_at: dt.datetime | None = None
    last_error_code: int | None = None
    last_error_at: dt.datetime | None = None


_lock = threading.Lock()
_pending: dict[tuple[int, str], Tally] = {}
_last_flush = time.monotonic()


def count(key_id: int, method: str, code: int) -> None:
    global _last_flush
    now = timezone.now()
    with _lock:
        tally = _pending.setdefault((key_id, method), Tally())
        tally.calls += 1
        tally.last_called_at = now
        if code != 0:
            tally.errors += 1
            tally.last_error_code, tally.last_error_at = code, now
        due = time.monotonic() - _last_flush >= settings.API_USAGE_FLUSH_SECONDS
    if due:
        flush()


def flush() -> None:
    global _last_flush
    with _lock:
        pending = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    if not pending:
        return
    with transaction.atomic():
        for (key_id, method), tally in pending.items():
            changes: dict[str, object] = {
                "calls": F("calls") + tally.calls,
                "errors": F("errors") + tally.errors,
                # Coalesce: SQLite's MAX(NULL, x) is NULL, PostgreSQL's GREATEST is x.
                "last_called_at": Greatest(
                    Coalesce(F("last_called_at"), Value(tally.last_called_at)),
                    Value(tally.last_called_at),
                ),
            }
            if tally.last_error_code is not None:
                changes.update(
                    last_error_code=tally.last_error_code, last_error_at=tally.last_error_at
                )
            rows = ApiUsage.objects.filter(api_key_id=key_id, method=method).update(**changes)
            if rows:
                continue
            try:
                with transaction.atomic():
                    ApiUsage.objects.create(
                        api_key_id=key_id,
                        method=method,
                        calls=tally.calls,
                        errors=tally.errors,
                        last_called_at=tally.last_called_at,
                        last_error_code=tally.last_error_code,
                        last_error_at=tally.last_error_at,
                    )
            except IntegrityError:  # another process created it meanwhile
                ApiUsage.objects.filter(api_key_id=key_id, method=method).update(**changes)


@atexit.register
def _flush_at_exit() -> None:
    # The database may already be gone at exit; the log lines still count every call.
    with contextlib.suppress(Exception):
        flush()


def discard() -> None:
    """Forget counts not yet written (tests: a rolled-back database reuses key ids)."""
    with _lock:
        _pending.clear()
