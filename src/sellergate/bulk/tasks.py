from __future__ import annotations

from django.tasks import task

from sellergate.bulk import processing


@task()
def process_bulk_job(job_id: int) -> str:
    job = processing.process(job_id)
    return "skipped" if job is None else job.status
