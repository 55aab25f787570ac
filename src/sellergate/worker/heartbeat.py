"""Each worker process records that it is alive, for /readyz and the metrics."""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading

from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone

from sellergate.worker.models import WorkerHeartbeat

log = logging.getLogger(__name__)

#: A worker's row left by a crash is removed after this long (a clean stop removes its own).
FORGET_AFTER = dt.timedelta(days=1)


def this_worker() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def beat(started_at: dt.datetime) -> None:
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker=this_worker(),
        defaults={"seen_at": now},
        create_defaults={
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "started_at": started_at,
            "seen_at": now,
        },
    )
    WorkerHeartbeat.objects.filter(seen_at__lt=now - FORGET_AFTER).delete()


def stop() -> None:
    WorkerHeartbeat.objects.filter(worker=this_worker()).delete()


def run_forever(stopping: threading.Event) -> None:
    started_at = timezone.now()
    while not stopping.is_set():
        close_old_connections()
        try:
            beat(started_at)
        except Exception:
            log.exception("worker heartbeat failed")
        close_old_connections()
        stopping.wait(settings.WORKER_HEARTBEAT_SECONDS)


def recent(now: dt.datetime | None = None) -> WorkerHeartbeat | None:
    """The most recent heartbeat younger than READY_WORKER_MAX_AGE_SECONDS, if any."""
    now = now or timezone.now()
    since = now - dt.timedelta(seconds=settings.READY_WORKER_MAX_AGE_SECONDS)
    return WorkerHeartbeat.objects.filter(seen_at__gte=since).order_by("-seen_at").first()
