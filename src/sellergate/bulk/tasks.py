"""The worker's bulk task: each job in a child process with a memory bound.

A file can need more memory than its size suggests (openpyxl keeps a workbook's shared
strings in memory, and one cell may be large); run inside the worker, such a job took
the worker, and with it every other task, down. So each job runs as ``sellergate
bulk_job`` in a child whose address space is capped at SELLERGATE_BULK_JOB_MAX_MEMORY_MB:
over it the job fails with that reason (processing.process handles the MemoryError) and
the worker goes on. A child that dies otherwise (a signal, a crash) leaves the job
RUNNING: it is put back in the queue at once and counted as an attempt, so a job that
keeps killing its child ends FAILED after processing.MAX_ATTEMPTS instead of looping.
0 runs jobs in the worker's own process (what the tests of processing itself do).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys

from django.conf import settings
from django.tasks import task

from sellergate.bulk import exports, jobs, processing
from sellergate.bulk.models import BulkJob

log = logging.getLogger(__name__)


@task()
def process_bulk_job(job_id: int) -> str:
    limit = settings.BULK_JOB_MAX_MEMORY_MB
    if not limit:
        job = processing.process(job_id)
        return "skipped" if job is None else job.status
    # The child logs where the worker logs (its stderr); the job's state is in the database.
    child = subprocess.run(  # noqa: S603 - our own command
        [
            *(sys.executable, "-m", "sellergate", "bulk_job", str(job_id)),
            f"--max-memory-mb={limit}",
            f"--worker-pid={os.getpid()}",
        ],
        stdout=subprocess.DEVNULL,
        check=False,
    )
    if child.returncode != 0:
        log.error("bulk job %s: its process ended with status %s", job_id, child.returncode)
        if jobs.job_release(job_id):
            process_bulk_job.enqueue(job_id)
            return "retried"
    return BulkJob.objects.values_list("status", flat=True).get(pk=job_id)


@task()
def produce_export(export_id: int) -> str:
    return exports.export_produce(export_id).status
