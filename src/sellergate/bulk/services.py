"""Writing bulk jobs: receipt (FTP or web), then the worker processes them
(``bulk.processing``)."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
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


def bulk_jobs_requeue(*, now: dt.datetime | None = None) -> list[int]:
    """Queue again the jobs still waiting long after they were queued (the worker that had
    them died, or the enqueue was lost). Processing claims a job once, so a job queued
    twice is still processed once."""
    now = now or timezone.now()
    with transaction.atomic():
        stuck = list(
            BulkJob.objects.select_for_update()
            .filter(status=JobStatus.QUEUED, queued_at__lte=now - REQUEUE_AFTER)
            .values_list("pk", flat=True)
        )
        BulkJob.objects.filter(pk__in=stuck).update(queued_at=now)
    for job_id in stuck:
        _enqueue(job_id)
    return stuck
