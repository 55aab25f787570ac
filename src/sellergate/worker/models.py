from __future__ import annotations

from django.db import models


class ScheduledRun(models.Model):
    """When a periodic job last ran: the row several workers claim, so it runs once."""

    name = models.CharField(max_length=64, unique=True)
    last_run_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name


class WorkerHeartbeat(models.Model):
    """That a worker process is alive: /readyz asks for a recent one.

    Written every few seconds by each worker, so it is bookkeeping, not domain state: it
    goes through no service function and writes no audit event.
    """

    worker = models.CharField(max_length=128, unique=True)  # host:pid
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.worker
