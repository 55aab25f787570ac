"""What /readyz checks: can this process serve real requests right now?

Each check returns None when it passes, or a short English reason for the operator
(these answers are for load balancers and people running the service, not for sellers).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from sellergate.worker import heartbeat

_lock = threading.Lock()
_migrations_applied = False


def database() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:
        return f"database unreachable: {type(error).__name__}"
    return None


def migrations() -> str | None:
    """Every migration this code has is applied. Loading the migration graph takes tens of
    milliseconds, so once everything is applied that answer is kept for the process's life
    (an upgrade applies migrations before it starts new processes; see docs/deploy.md)."""
    global _migrations_applied
    if _migrations_applied:
        return None
    with _lock:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            first = plan[0][0]
            return (
                f"{len(plan)} migration(s) not applied, first {first.app_label}.{first.name}: "
                "run `sellergate migrate`"
            )
        _migrations_applied = True
    return None


def worker() -> str | None:
    if heartbeat.recent() is None:
        return (
            f"no worker heartbeat in the last {settings.READY_WORKER_MAX_AGE_SECONDS} s: "
            "start `sellergate worker`"
        )
    return None


CHECKS: dict[str, Callable[[], str | None]] = {
    "database": database,
    "migrations": migrations,
    "worker": worker,
}


def forget() -> None:
    """Check the migrations again on the next call (tests)."""
    global _migrations_applied
    _migrations_applied = False


def run() -> dict[str, str]:
    results: dict[str, str] = {}
    for name, check in CHECKS.items():
        reason = check()
        results[name] = reason or "ok"
        if reason and name == "database":
            # Every other check needs the database.
            results.update({other: "not checked" for other in CHECKS if other != name})
            break
    return results
