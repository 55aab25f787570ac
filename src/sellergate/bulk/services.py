"""Writing bulk jobs: receipt (FTP or web), then the worker processes them
(``bulk.processing``)."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from sellergate.audit.actors import Actor
from sellergate.audit.services import audit_record
from sellergate.bulk.models import BulkJob, JobStatus
from sellergate.sellers.models import Seller


def bulk_job_receive(
    *,
    actor: Actor,
    seller: Seller,
    source: str,
    kind: str,
    file_name: str,
    stored_path: str,
    size: int,
) -> BulkJob:
    """Record a complete upload, once: the same stored file reported twice is one job.

    The job is queued for the worker when the recording commits."""
    try:
        with transaction.atomic():
            job = BulkJob.objects.create(
                seller=seller,
                source=source,
                kind=kind,
                file_name=file_name,
                stored_path=stored_path,
                size=size,
                status=JobStatus.QUEUED,
                queued_at=timezone.now(),
            )
            transaction.on_commit(lambda: _enqueue(job.pk))
            audit_record(
                actor=actor,
                action="bulk_job.receive",
                obj=job,
                seller=seller,
                after={"file": file_name, "kind": kind, "source": source, "size": size},
            )
    except IntegrityError:
        return BulkJob.objects.get(stored_path=stored_path)
    return job


def _enqueue(job_id: int) -> None:
    from sellergate.bulk.tasks import process_bulk_job

    process_bulk_job.enqueue(job_id)


REQUEUE_AFTER = dt.timedelta(minutes=10)
#: A running job commits a batch every few seconds; this long without one, its worker
#: is taken for dead and the job is queued again (it resumes where it stopped).
STALE_AFTER = dt.timedelta(minutes=5)


def bulk_jobs_requeue(*, now: dt.datetime | None = None) -> list[int]:
    """Queue again the jobs still waiting long after they were queued (the enqueue was
    lost) and the running ones whose worker stopped committing (it died). Processing
    claims a job once, so a job queued twice is still processed once."""
    now = now or timezone.now()
    with transaction.atomic():
        waiting = Q(status=JobStatus.QUEUED, queued_at__lte=now - REQUEUE_AFTER)
        dead = Q(status=JobStatus.RUNNING) & (
            Q(heartbeat_at__lte=now - STALE_AFTER)
            | Q(heartbeat_at__isnull=True, started_at__lte=now - STALE_AFTER)
        )
        stuck = list(
            BulkJob.objects.select_for_update().filter(waiting | dead).values_list("pk", flat=True)
        )
        BulkJob.objects.filter(pk__in=stuck).update(status=JobStatus.QUEUED, queued_at=now)
    for job_id in stuck:
        _enqueue(job_id)
    return stuck
