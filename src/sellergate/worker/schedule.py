"""Periodic jobs, run by every worker process and claimed so each runs once per period.

django-tasks has no scheduler; this is the smallest one that is safe with several
workers: each job's row is locked (``SELECT … FOR UPDATE``; on SQLite the write
transaction), and a job whose period has not passed since its last run is skipped.
A job enqueues its task (or does quick work itself); the worker loop runs the tasks.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone

from sellergate.bulk.services import bulk_jobs_requeue
from sellergate.businessdays.calendar import load_calendar
from sellergate.core.staging import staging_sweep
from sellergate.credentials import tasks
from sellergate.credentials.api_keys import api_keys_expiry_notices
from sellergate.credentials.standing import standing_check
from sellergate.grants import services as grants
from sellergate.worker.models import ScheduledRun

log = logging.getLogger(__name__)

MORNING = dt.time(9, 0)


@dataclass(frozen=True)
class Job:
    name: str
    every: dt.timedelta
    run: Callable[[], object]
    business_mornings_only: bool = False

    def due(self, last: dt.datetime | None, now: dt.datetime) -> bool:
        if self.business_mornings_only:
            local = timezone.localtime(now)
            if local.time() < MORNING or not load_calendar().is_business_day(local.date()):
                return False
            return last is None or timezone.localdate(last) < local.date()
        return last is None or now - last >= self.every


def _jobs() -> list[Job]:
    jobs = [
        Job("ftp_provisioning_retry", dt.timedelta(seconds=30), grants.retry_stuck_provisioning),
        Job("api_key_expiry", dt.timedelta(minutes=5), tasks.expire_api_keys.enqueue),
        Job("api_key_expiry_notices", dt.timedelta(hours=24), api_keys_expiry_notices),
        Job(
            "standing_check",
            dt.timedelta(days=1),
            standing_check.enqueue,
            business_mornings_only=True,
        ),
        Job("ftp_staging_sweep", dt.timedelta(hours=1), staging_sweep),
        Job("bulk_jobs_requeue", dt.timedelta(minutes=5), bulk_jobs_requeue),
    ]
    if settings.AUTO_APPROVE:
        jobs.append(
            Job(
                "access_policy",
                dt.timedelta(days=1),
                grants.policy_run,
                business_mornings_only=True,
            )
        )
    return jobs


def tick(now: dt.datetime | None = None) -> list[str]:
    """Run every job that is due; returns their names."""
    now = now or timezone.now()
    ran = []
    for job in _jobs():
        with transaction.atomic():
            run, _created = ScheduledRun.objects.select_for_update().get_or_create(name=job.name)
            if not job.due(run.last_run_at, now):
                continue
            run.last_run_at = now
            run.save(update_fields=["last_run_at"])
        try:
            job.run()
        except Exception:
            log.exception("scheduled job %s failed", job.name)
        ran.append(job.name)
    return ran


def run_forever(stop: threading.Event, interval: float = 15.0) -> None:
    while not stop.is_set():
        close_old_connections()
        try:
            tick()
        except Exception:
            log.exception("scheduler tick failed")
        close_old_connections()
        stop.wait(interval)
