"""Metrics read from the database when /metrics is scraped."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Count, Max
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from sellergate.bulk.models import BulkJob, JobStatus
from sellergate.worker.models import WorkerHeartbeat


class DatabaseCollector(Collector):
    def collect(self) -> Iterator[GaugeMetricFamily]:
        tasks = GaugeMetricFamily(
            "sellergate_tasks", "Background tasks by state (READY is the queue).", labels=["state"]
        )
        counts = dict(DBTaskResult.objects.values_list("status").annotate(n=Count("id")))
        for state in ("READY", "RUNNING", "SUCCESSFUL", "FAILED"):
            tasks.add_metric([state], counts.get(state, 0))
        yield tasks
        yield GaugeMetricFamily(
            "sellergate_task_queue_depth",
            "Background tasks waiting for a worker.",
            value=counts.get("READY", 0),
        )
        jobs = GaugeMetricFamily("sellergate_bulk_jobs", "Bulk jobs by status.", labels=["status"])
        job_counts = dict(BulkJob.objects.values_list("status").annotate(n=Count("id")))
        for status in JobStatus.values:
            jobs.add_metric([status], job_counts.get(status, 0))
        yield jobs
        last = WorkerHeartbeat.objects.aggregate(last=Max("seen_at"))["last"]
        yield GaugeMetricFamily(
            "sellergate_worker_heartbeat_age_seconds",
            "Seconds since the most recent worker heartbeat (absent: no worker ever beat).",
            value=(timezone.now() - last).total_seconds() if last else float("nan"),
        )
