"""A worker killed in the middle of a job: the job is queued again and goes on from its
last committed batch — every row applied once, the result file one line per row."""

from __future__ import annotations

import csv
import datetime as dt
import signal
import time
from collections import Counter

import pytest
from django.utils import timezone

from sellergate.bulk import processing
from sellergate.bulk.models import BulkJob, JobStatus
from sellergate.bulk.services import bulk_job_receive, bulk_jobs_requeue
from sellergate.catalog.models import Product
from sellergate.core.actors import Actor
from tests.bulk.files import write
from tests.factories import CategoryFactory, SellerFactory
from tests.processes import sellergate

pytestmark = pytest.mark.django_db(transaction=True)
ROWS = 6000


def test_a_killed_worker_resumes_where_it_stopped(tmp_path) -> None:
    seller = SellerFactory()
    category = CategoryFactory()
    rows = [
        {
            "seller_unique_item_id": f"SKU-{n:05d}",
            "category_number": category.code,
            "item_name": f"品 {n}",
            "price_yen": 100 + n,
            "quantity": n % 50,
        }
        for n in range(ROWS)
    ]
    path = write(tmp_path / "big.csv", rows)
    job = bulk_job_receive(
        actor=Actor.system("test"),
        seller=seller,
        source="web",
        kind="item",
        file_name="big.csv",
        stored_path=str(path),
        size=path.stat().st_size,
    )

    worker = sellergate("worker", "--no-startup-delay", "--interval", "0.1", "--no-schedule")
    try:
        deadline = time.monotonic() + 60
        while BulkJob.objects.get(pk=job.pk).processed_rows < 2 * processing.BATCH:
            assert time.monotonic() < deadline, "the worker did not start the job"
            time.sleep(0.05)
        worker.send_signal(signal.SIGKILL)
    finally:
        worker.communicate(timeout=30)
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING
    assert 0 < job.processed_rows < ROWS
    done_before = job.processed_rows
    assert Product.objects.filter(seller=seller).count() == done_before  # whole batches only

    # Nothing committed for a while: the job is taken for dead and queued again.
    assert bulk_jobs_requeue(now=timezone.now() + dt.timedelta(minutes=6)) == [job.pk]
    job = processing.process(job.pk)
    assert job.status == JobStatus.DONE
    assert (job.processed_rows, job.ok_rows, job.created_count) == (ROWS, ROWS, ROWS)
    codes = Counter(Product.objects.filter(seller=seller).values_list("seller_code", flat=True))
    assert len(codes) == ROWS
    assert set(codes.values()) == {1}
    with open(job.result_path, encoding="utf-8-sig", newline="") as stream:
        lines = list(csv.DictReader(stream))
    assert Counter(line["row"] for line in lines) == Counter(str(n) for n in range(2, ROWS + 2))
    assert {line["status"] for line in lines} == {"OK"}
    print(f"killed after {done_before} of {ROWS} rows; resumed to the end")
