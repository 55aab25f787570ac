"""Processing a bulk job: the file streamed row by row, applied in batches, counted.

Memory does not grow with the file: rows are read one at a time (and counted in a
first pass, for the progress bar), applied in transactions of ``BATCH`` rows (each row
in its own savepoint, so one bad row never blocks the others), and written to the
result file as they go. A job is claimed with one conditional UPDATE, so a job enqueued
twice, or picked by two workers, is processed once.

Every job ends DONE or FAILED: an unexpected error fails the job with a message for the
seller (the rows committed before it stay applied, and the result file says so), and a
job that workers took up MAX_ATTEMPTS times without finishing (each died on it) fails on
the next claim instead of being retried for ever. A job whose seller is suspended
stops before its next batch and ends FAILED with the reason (the rows before it stay
applied); the seller uploads the file again once the suspension is lifted.
"""

from __future__ import annotations

import logging
import resource
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sellergate.bulk import jobs
from sellergate.bulk.columns import TEMPLATES
from sellergate.bulk.models import BulkJob, JobKind, JobStatus
from sellergate.bulk.reader import FileRejected, open_sheet
from sellergate.bulk.results import ResultWriter, result_path
from sellergate.bulk.rows import Context, Outcome, apply_batch
from sellergate.bulk.suspension import SUSPENDED, suspension_reason
from sellergate.core.actors import Actor
from sellergate.core.metrics import BULK_ROWS

log = logging.getLogger(__name__)

# Rows per transaction: each batch costs a few queries whatever its size; 1 000 rows
# commit in about a tenth of a second, so progress and a crash lose little.
BATCH = 1000
REQUIRED_COLUMNS = {
    "item": ("item_number", "seller_unique_item_id"),
    "inventory": ("item_number", "seller_unique_item_id"),
}


#: Claims of one job before it is given up (each earlier one ended with its worker dead).
MAX_ATTEMPTS = 3
#: How often a long pass over the file tells the sweep that its worker is alive.
HEARTBEAT_SECONDS = 10

GAVE_UP = _(
    "This file could not be processed: it was tried %(attempts)d times and the work "
    "stopped each time. Nothing more is applied from it. Please contact the desk and "
    "quote job %(job)d."
)
TOO_MUCH_MEMORY = _(
    "This file needs more memory than a bulk job may use (%(limit)d MB), so it was not "
    "processed further. Split it into smaller files (rows listed above were applied)."
)
CRASHED = _(
    "This file could not be processed because of an error on our side. Rows listed "
    "above were applied; nothing after them. Please contact the desk and quote job "
    "%(job)d."
)


def _count_rows(job: BulkJob, path: Path) -> int:
    sheet = open_sheet(path, TEMPLATES[job.kind], required=REQUIRED_COLUMNS[job.kind])
    count, beaten = 0, time.monotonic()
    for _row in sheet.rows:
        count += 1
        if count % 1000 == 0 and time.monotonic() - beaten > HEARTBEAT_SECONDS:
            jobs.job_beat(job)  # a long first pass is not a dead worker
            beaten = time.monotonic()
    return count


def process(job_id: int, on_batch: Callable[[BulkJob], None] | None = None) -> BulkJob | None:
    """Process a queued job; None when it was not (already taken by another worker).
    ``on_batch`` is told of each committed batch (the command line's progress bar).

    A job whose worker died part-way (requeued by ``bulk_jobs_requeue``) goes on from its
    last committed batch: the rows before it are not applied again, and the result file
    is cut back to where that batch ended it."""
    job = jobs.job_claim(job_id)
    if job is None:
        return None
    if job.attempts > MAX_ATTEMPTS:
        log.error("bulk job %s given up after %s attempts", job.pk, job.attempts - 1)
        return _give_up(job, FileRejected(GAVE_UP, attempts=job.attempts - 1, job=job.pk))
    try:
        return _process(job, on_batch)
    except MemoryError:
        pass  # given up below: inside this block the traceback still holds the memory
    except Exception:
        log.exception("bulk job %s could not be processed", job.pk)
        return _give_up(job, FileRejected(CRASHED, job=job.pk))
    limit = _memory_limit_mb()
    log.error("bulk job %s needs more than %s MB", job.pk, limit)
    return _give_up(job, FileRejected(TOO_MUCH_MEMORY, limit=limit))


def _memory_limit_mb() -> int:
    """The address-space cap this process runs under (``sellergate bulk_job`` sets it),
    else the setting's."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY:
        return settings.BULK_JOB_MAX_MEMORY_MB
    return soft // (1024 * 1024)


def _give_up(job: BulkJob, refusal: FileRejected) -> BulkJob:
    """FAILED with ``refusal``, keeping what the last committed batch recorded."""
    job.refresh_from_db()
    try:
        return _refuse(job, refusal, None)
    except OSError:
        log.exception("bulk job %s: its result file cannot be written", job.pk)
        job.error = refusal.text()
        return jobs.job_finish(job, JobStatus.FAILED)


def _process(job: BulkJob, on_batch: Callable[[BulkJob], None] | None = None) -> BulkJob:
    if job.kind == JobKind.IMAGE:
        return jobs.job_finish(job, JobStatus.DONE)  # stored in images/, served from there
    path = Path(job.stored_path)
    required = REQUIRED_COLUMNS[job.kind]
    try:
        if job.total_rows is None:
            job.total_rows = _count_rows(job, path)
        sheet = open_sheet(path, TEMPLATES[job.kind], required=required)
    except FileRejected as refusal:
        return _refuse(job, refusal, None)
    except OSError as error:
        job.error = f"The uploaded file cannot be read: {error.strerror}"
        return jobs.job_finish(job, JobStatus.FAILED)
    job.encoding = sheet.encoding
    job.result_path = job.result_path or str(result_path(job))
    jobs.job_started(job)
    writer = ResultWriter(Path(job.result_path), sheet.encoding, offset=job.result_offset)
    ctx = Context(seller=job.seller, actor=Actor(user=None, label=f"bulk:{job.pk}"))
    rows = iter(sheet.rows)
    try:
        for number, cells in islice(rows, job.processed_rows):  # done before a crash
            ctx.remember(job.kind, number, cells)
        while batch := list(islice(rows, BATCH)):
            if (reason := suspension_reason(job.seller_id)) is not None:
                # Suspension means stopped: nothing more is written, the job ends here.
                raise FileRejected(SUSPENDED, reason=reason)
            ok_before, errors_before = job.ok_rows, job.error_rows
            with transaction.atomic():
                outcomes = apply_batch(ctx, job.kind, batch)
                for (number, _cells), outcome in zip(batch, outcomes, strict=True):
                    _count(job, outcome, writer, number)
                job.result_offset = writer.flush()
                jobs.job_progress(job)
            if on_batch is not None:
                on_batch(job)
            BULK_ROWS.labels(outcome="ok").inc(job.ok_rows - ok_before)
            BULK_ROWS.labels(outcome="error").inc(job.error_rows - errors_before)
        writer.layout(sheet.template, sheet.skipped, sheet.first_data_row)
        examples = [number for number, why in sheet.skipped if why == "example"]
        for number in examples:
            writer.skipped(number, "example")
        job.skipped_rows = len(examples)
    except FileRejected as refusal:  # e.g. the encoding changes half-way
        return _refuse(job, refusal, writer)
    except BaseException:
        writer.abandon()  # the caller ends the job from its last committed batch
        raise
    writer.close()
    return jobs.job_finish(job, JobStatus.DONE)


def _count(job: BulkJob, outcome: Outcome, writer: ResultWriter, number: int) -> None:
    writer.outcome(number, outcome)
    job.processed_rows += 1
    if outcome.status == "ok":
        job.ok_rows += 1
        job.created_count += outcome.action == "created"
        job.updated_count += outcome.action == "updated"
    else:
        job.error_rows += 1


def _refuse(job: BulkJob, refusal: FileRejected, writer: ResultWriter | None) -> BulkJob:
    if writer is None:
        job.result_path = job.result_path or str(result_path(job))
        encoding = job.encoding or "utf-8"  # lines already there are in the input's family
        writer = ResultWriter(Path(job.result_path), encoding, offset=job.result_offset)
    writer.refused(refusal)
    writer.close()
    job.error = refusal.text()
    return jobs.job_finish(job, JobStatus.FAILED)
