from __future__ import annotations

from django.db import models


class ScheduledRun(models.Model):
    """When a periodic job last ran: the row several workers claim, so it runs once."""

    name = models.CharField(max_length=64, unique=True)
    last_run_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name
