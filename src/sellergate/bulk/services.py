"""Bulk jobs received (FTP or web) and queued for the worker (``bulk.processing``); the
sweep that queues again what was lost. The job's own changes are ``bulk.jobs``'s."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils import timezone

from sellergate.bulk import exports, jobs, tasks
from sellergate.bulk.models import BulkJob, Export, JobKind
from sellergate.bulk.suspension import bulk_accepts
from sellergate.core import paths
from sellergate.core.actors import Actor
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
    enqueue: bool = True,
) -> BulkJob:
    """Record a complete upload as a job, queued for the worker when the recording commits
    (``enqueue=False``: the caller processes it itself, the command line; should it die
    part-way, the stuck-job sweep queues the job for a worker).

    Files to process are snapshotted first (``snapshot``): the job reads the upload as it
    was, whatever the seller uploads next under the same name. A suspended seller's file
    is refused (UploadRefused): no job."""
    bulk_accepts(seller)
    source_path = stored_path
    if kind != JobKind.IMAGE:
        stored_path = str(snapshot(Path(stored_path)))
    try:
        with transaction.atomic():
            job = jobs.job_record(
                actor=actor,
                seller=seller,
                source=source,
                kind=kind,
                file_name=file_name,
                stored_path=stored_path,
                source_path=source_path,
                size=size,
            )
            if enqueue:
                transaction.on_commit(lambda: _enqueue(job.pk))
    except IntegrityError:
        return BulkJob.objects.get(stored_path=stored_path)
    return job


def snapshot(path: Path) -> Path:
    """A link to (or, across file systems, a copy of) an upload under the spool folder."""
    target = paths.spool_folder() / path.name
    try:
        os.link(path, target)
    except OSError:
        shutil.copy2(path, target)
    return target


def _enqueue(job_id: int) -> None:
    tasks.process_bulk_job.enqueue(job_id)


REQUEUE_AFTER = dt.timedelta(minutes=10)
#: A running job commits a batch every few seconds; this long without one, its worker
#: is taken for dead and the job is queued again (it resumes where it stopped).
STALE_AFTER = dt.timedelta(minutes=5)


def bulk_jobs_requeue(*, now: dt.datetime | None = None) -> list[int]:
    """Queue again the jobs still waiting long after they were queued (the enqueue was
    lost) and the running ones whose worker stopped committing (it died). Processing
    claims a job once, so a job queued twice is still processed once."""
    now = now or timezone.now()
    stuck = jobs.jobs_stuck(now=now, waiting=REQUEUE_AFTER, silent=STALE_AFTER)
    for job_id in stuck:
        _enqueue(job_id)
    return stuck


def export_request(
    *,
    actor: Actor,
    seller: Seller,
    kind: str,
    email: str = "",
    from_date: dt.date | None = None,
    to_date: dt.date | None = None,
) -> Export:
    """Ask for a file of the seller's records (``bulk.exports``); the worker writes it
    once the request commits."""
    with transaction.atomic():
        export = exports.export_record(
            actor=actor,
            seller=seller,
            kind=kind,
            email=email,
            from_date=from_date,
            to_date=to_date,
        )
        export_id = export.pk
        transaction.on_commit(lambda: tasks.produce_export.enqueue(export_id))
    return export
