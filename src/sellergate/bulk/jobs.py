"""Every change of a ``BulkJob``: the job's state machine in one place.

    QUEUED ──claim──► RUNNING ──finish──► DONE | FAILED
       ▲                 │
       └──release/stuck──┘   (its process died, or its worker stopped committing)

A job is recorded QUEUED (``job_record``; receipt and queueing are one step, the
caller enqueues its task when the recording commits), claimed with one conditional
UPDATE so two workers never both run it, and ends DONE or FAILED with one audit event.
In between, the processor saves what it read (``job_started``), its progress with
each batch (``job_progress``) and heartbeats on long reads (``job_beat``). The callers —
``services`` (receipt, the requeue sweep), ``processing`` and ``tasks`` — decide when;
only this module writes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from pathlib import Path

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from sellergate.audit.services import audit_record
from sellergate.bulk.models import BulkJob, JobKind, JobStatus
from sellergate.core import paths
from sellergate.core.actors import Actor
from sellergate.sellers.models import Seller

log = logging.getLogger(__name__)

#: What the processor saves with each committed batch.
PROGRESS_FIELDS = [
    "processed_rows",
    "ok_rows",
    "error_rows",
    "created_count",
    "updated_count",
    "result_offset",
    "heartbeat_at",
]


def job_record(
    *,
    actor: Actor,
    seller: Seller,
    source: str,
    kind: str,
    file_name: str,
    stored_path: str,
    source_path: str,
    size: int,
) -> BulkJob:
    """A received file as a QUEUED job (inside the caller's transaction)."""
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
    audit_record(
        actor=actor,
        action="bulk_job.receive",
        obj=job,
        seller=seller,
        after={"file": file_name, "kind": kind, "source": source, "size": size},
    )
    return job


def jobs_stuck(*, now: dt.datetime, waiting: dt.timedelta, silent: dt.timedelta) -> list[int]:
    """QUEUED again, now: the jobs queued longer than ``waiting`` ago (their enqueue was
    lost) and the RUNNING ones that have not committed for ``silent`` (their worker died).
    Returns their ids; the caller enqueues them."""
    with transaction.atomic():
        lost = Q(status=JobStatus.QUEUED, queued_at__lte=now - waiting)
        dead = Q(status=JobStatus.RUNNING) & (
            Q(heartbeat_at__lte=now - silent)
            | Q(heartbeat_at__isnull=True, started_at__lte=now - silent)
        )
        stuck = list(
            BulkJob.objects.select_for_update().filter(lost | dead).values_list("pk", flat=True)
        )
        BulkJob.objects.filter(pk__in=stuck).update(status=JobStatus.QUEUED, queued_at=now)
    return stuck


def job_claim(job_id: int) -> BulkJob | None:
    """QUEUED → RUNNING, counting the attempt; None if another worker has it (or it ended)."""
    claimed = BulkJob.objects.filter(
        pk=job_id, status__in=(JobStatus.RECEIVED, JobStatus.QUEUED)
    ).update(status=JobStatus.RUNNING, started_at=timezone.now(), attempts=F("attempts") + 1)
    return BulkJob.objects.select_related("seller").get(pk=job_id) if claimed else None


def job_release(job_id: int) -> bool:
    """RUNNING → QUEUED for a job whose process died (its attempt stays counted: it fails
    after MAX_ATTEMPTS); the caller queues it again. False if it had ended anyway."""
    return bool(
        BulkJob.objects.filter(pk=job_id, status=JobStatus.RUNNING).update(
            status=JobStatus.QUEUED, queued_at=timezone.now()
        )
    )


def job_beat(job: BulkJob) -> None:
    """Alive: a long pass over the file is not a dead worker."""
    job.heartbeat_at = timezone.now()
    BulkJob.objects.filter(pk=job.pk).update(heartbeat_at=job.heartbeat_at)


def job_started(job: BulkJob) -> None:
    """What the first pass learnt: the row count, the encoding, the result file."""
    job.save(update_fields=["total_rows", "encoding", "result_path"])


def job_progress(job: BulkJob) -> None:
    """A batch's counts and the result file's end, saved in the batch's transaction."""
    job.heartbeat_at = timezone.now()
    job.save(update_fields=PROGRESS_FIELDS)


def _drop_snapshot(path: Path) -> None:
    if paths.is_spooled(path):
        path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            path.parent.rmdir()


@transaction.atomic
def job_finish(job: BulkJob, status: str) -> BulkJob:
    """RUNNING → DONE or FAILED (with ``job.error`` set by the caller), audited once."""
    if job.kind != JobKind.IMAGE and job.stored_path != job.source_path:
        # The snapshot has served its purpose (the upload itself stays where it landed).
        transaction.on_commit(lambda: _drop_snapshot(Path(job.stored_path)))
    job.status = status
    job.finished_at = timezone.now()
    job.save()
    audit_record(
        actor=Actor(user=None, label=f"bulk:{job.pk}"),
        action="bulk_job.done" if status == JobStatus.DONE else "bulk_job.failed",
        obj=job,
        seller=job.seller,
        after={
            "rows": job.processed_rows,
            "applied": job.ok_rows,
            "errors": job.error_rows,
            "registered": job.created_count,
            "modified": job.updated_count,
            "result": Path(job.result_path).name if job.result_path else "",
            "error": job.error[:500],
        },
    )
    log.info(
        "bulk job %s %s: %s rows, %s errors", job.pk, status, job.processed_rows, job.error_rows
    )
    return job
