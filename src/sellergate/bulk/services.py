"""Writing bulk jobs: receipt (FTP or web), then the worker processes them
(``bulk.processing``)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import uuid
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sellergate.audit.actors import Actor
from sellergate.audit.services import audit_record
from sellergate.bulk.models import BulkJob, JobKind, JobStatus
from sellergate.errors import TranslatableError
from sellergate.sellers.models import Seller

SUSPENDED = _(
    "Your credentials are suspended (%(reason)s): files are not accepted or processed until "
    "the suspension is lifted. The home page of the seller center says what to do."
)


class UploadRefused(TranslatableError):
    """A file that is not taken at all (the seller is suspended)."""


def suspension_reason(seller_id: int) -> str | None:
    """The seller's suspension reason, read now (another process may have just set it)."""
    row = (
        Seller.objects.filter(pk=seller_id, suspended_at__isnull=False)
        .values_list("suspension_reason", flat=True)
        .first()
    )
    return None if row is None else (row or "—")


def bulk_accepts(seller: Seller) -> None:
    """Raise UploadRefused when ``seller`` may not send files now."""
    reason = suspension_reason(seller.pk)
    if reason is not None:
        raise UploadRefused(SUSPENDED, reason=reason)


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
    """Record a complete upload as a job, queued for the worker when the recording commits.

    Files to process are snapshotted first (``snapshot``): the job reads the upload as it
    was, whatever the seller uploads next under the same name. A suspended seller's file
    is refused (UploadRefused): no job."""
    bulk_accepts(seller)
    source_path = stored_path
    if kind != JobKind.IMAGE:
        stored_path = str(snapshot(Path(stored_path)))
    try:
        with transaction.atomic():
            job = BulkJob.objects.create(
                seller=seller,
                source=source,
                kind=kind,
                file_name=file_name,
                stored_path=stored_path,
                source_path=source_path,
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


def snapshot(path: Path) -> Path:
    """A link to (or, across file systems, a copy of) an upload under the spool folder."""
    spool = Path(settings.DATA_DIR) / "bulk" / "spool" / uuid.uuid4().hex
    spool.mkdir(parents=True)
    target = spool / path.name
    try:
        os.link(path, target)
    except OSError:
        shutil.copy2(path, target)
    return target


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


def bulk_job_retry(job_id: int) -> bool:
    """Put a job whose process died while RUNNING back in the queue (its attempt is
    counted: processing fails it after MAX_ATTEMPTS). False if it had ended anyway."""
    requeued = BulkJob.objects.filter(pk=job_id, status=JobStatus.RUNNING).update(
        status=JobStatus.QUEUED, queued_at=timezone.now()
    )
    if requeued:
        transaction.on_commit(lambda: _enqueue(job_id))
    return bool(requeued)
