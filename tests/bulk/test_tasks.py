"""The worker runs each bulk job in a process of its own with a memory bound: a job over
it fails with the reason, and the worker goes on with the next."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from sellergate.bulk.models import BulkJob, JobStatus
from sellergate.bulk.services import bulk_job_receive
from sellergate.catalog.models import Product
from sellergate.core.actors import Actor
from tests.bulk.test_archive import honest
from tests.factories import SellerFactory
from tests.processes import running_worker

pytestmark = pytest.mark.django_db(transaction=True)

LIMIT_MB = 600
UNPACKED = 1024**3  # far over the limit


def with_giant_cell(target: Path, source: Path, text_bytes: int) -> Path:
    """``source`` with one more row whose cell holds ``text_bytes`` of text, streamed into
    the archive (never held in memory here)."""
    sheet = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename != sheet:
                new.writestr(info, old.read(info.filename), zipfile.ZIP_DEFLATED)
        head, _, tail = old.read(sheet).partition(b"</sheetData>")
        info = zipfile.ZipInfo(sheet)
        info.compress_type = zipfile.ZIP_DEFLATED
        with new.open(info, "w", force_zip64=True) as part:
            part.write(head + b'<row r="99"><c r="C99" t="inlineStr"><is><t>')
            chunk = b"A" * (1024 * 1024)
            for _ in range(text_bytes // len(chunk)):
                part.write(chunk)
            part.write(b"</t></is></c></row></sheetData>" + tail)
    return target


def receive(seller, path: Path) -> BulkJob:
    return bulk_job_receive(
        actor=Actor.system("test"),
        seller=seller,
        source="web",
        kind="item",
        file_name=path.name,
        stored_path=str(path),
        size=path.stat().st_size,
    )


def wait_for_end(job: BulkJob, seconds: float = 120) -> BulkJob:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status in (JobStatus.DONE, JobStatus.FAILED):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job.pk} still {job.status}")


def test_a_job_over_the_memory_bound_fails_and_the_worker_goes_on(tmp_path) -> None:
    seller = SellerFactory()
    bomb = with_giant_cell(tmp_path / "bomb.xlsx", honest(tmp_path, "a.xlsx"), UNPACKED)
    assert bomb.stat().st_size < 5_000_000
    fine = honest(tmp_path, "fine.xlsx")
    with running_worker(
        SELLERGATE_BULK_JOB_MAX_MEMORY_MB=str(LIMIT_MB),
        # Past the archive check, so that the memory bound is what stops it.
        SELLERGATE_BULK_XLSX_MAX_RATIO="100000",
        SELLERGATE_BULK_XLSX_MAX_PART_BYTES=str(2 * UNPACKED),
        SELLERGATE_BULK_XLSX_MAX_TOTAL_BYTES=str(2 * UNPACKED),
    ) as worker:
        bombed = wait_for_end(receive(seller, bomb))
        after = wait_for_end(receive(seller, fine))
        assert worker.poll() is None  # the worker itself is still there
    assert bombed.status == JobStatus.FAILED
    assert str(LIMIT_MB) in bombed.error
    assert after.status == JobStatus.DONE
    assert Product.objects.filter(seller=seller).count() == 3
