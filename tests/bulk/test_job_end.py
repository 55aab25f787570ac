"""Every bulk job ends DONE or FAILED, and every job has a result file of its own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sellergate.bulk import processing
from sellergate.bulk.models import BulkJob, JobStatus
from sellergate.bulk.services import bulk_jobs_requeue
from sellergate.catalog.models import Product
from tests.bulk.files import write
from tests.bulk.test_processing import job_for, result_rows
from tests.factories import CategoryFactory, SellerFactory

pytestmark = pytest.mark.django_db


def rows(category, count: int) -> list[dict[str, object]]:
    return [
        {
            "seller_unique_item_id": f"SKU-{n:05d}",
            "category_number": category.code,
            "item_name": f"品 {n}",
            "price_yen": 100 + n,
            "quantity": 1,
        }
        for n in range(count)
    ]


def test_a_255_byte_file_name_gets_a_result_file_and_the_job_ends(tmp_path) -> None:
    seller, category = SellerFactory(), CategoryFactory()
    name = "商" * 80 + "x" * (255 - 240 - 4) + ".csv"  # 255 bytes in UTF-8
    assert len(name.encode()) == 255
    path = write(tmp_path / name, rows(category, 2))
    job = processing.process(job_for(seller, path).pk)
    assert job.status == JobStatus.DONE
    result = Path(job.result_path)
    assert result.exists()
    assert len(result.name.encode()) <= 200
    assert result.name.startswith("商" * 40)
    assert f".j{job.pk}.csv" in result.name


def test_two_uploads_of_one_name_in_one_second_keep_both_results(tmp_path) -> None:
    seller, category = SellerFactory(), CategoryFactory()
    first = write(tmp_path / "a" / "same.csv", rows(category, 1)) if _dir(tmp_path / "a") else None
    second = write(tmp_path / "b" / "same.csv", rows(category, 2)) if _dir(tmp_path / "b") else None
    one = processing.process(job_for(seller, first).pk)
    two = processing.process(job_for(seller, second).pk)
    assert one.result_path != two.result_path
    assert len(result_rows(one)) == 1
    assert len(result_rows(two)) == 2


def _dir(path: Path) -> bool:
    path.mkdir(parents=True)
    return True


def test_an_unexpected_error_fails_the_job_with_a_message(tmp_path, monkeypatch) -> None:
    seller, category = SellerFactory(), CategoryFactory()
    path = write(tmp_path / "items.csv", rows(category, processing.BATCH + 10))
    applied = processing.apply_batch
    calls = []

    def second_batch_breaks(ctx, kind, batch):
        calls.append(len(batch))
        if len(calls) == 2:
            raise RuntimeError("the database went away")
        return applied(ctx, kind, batch)

    monkeypatch.setattr(processing, "apply_batch", second_batch_breaks)
    job = processing.process(job_for(seller, path).pk)
    assert job.status == JobStatus.FAILED
    assert (
        "contact the desk" in job.error or "お問い合わせ" in job.error or str(job.pk) in job.error
    )
    # The first batch committed and stays; its rows are in the result file, then why.
    assert Product.objects.filter(seller=seller).count() == processing.BATCH
    assert job.processed_rows == processing.BATCH
    lines = result_rows(job)
    assert len(lines) == processing.BATCH + 1
    assert str(job.pk) in lines[-1]["message_en"]
    assert BulkJob.objects.get(pk=job.pk).status == JobStatus.FAILED


def test_a_job_its_workers_keep_dying_on_fails_instead_of_looping(tmp_path) -> None:
    seller, category = SellerFactory(), CategoryFactory()
    path = write(tmp_path / "items.csv", rows(category, 3))
    job = job_for(seller, path)
    # Each earlier claim ended with its worker dead: claimed, then swept back to QUEUED.
    BulkJob.objects.filter(pk=job.pk).update(attempts=processing.MAX_ATTEMPTS)
    ended = processing.process(job.pk)
    assert ended.status == JobStatus.FAILED
    assert f"{processing.MAX_ATTEMPTS}" in ended.error
    assert not Product.objects.filter(seller=seller).exists()
    assert bulk_jobs_requeue() == []  # and the sweep leaves it alone


def test_each_claim_counts_an_attempt(tmp_path) -> None:
    seller, category = SellerFactory(), CategoryFactory()
    job = job_for(seller, write(tmp_path / "items.csv", rows(category, 1)))
    assert processing.process(job.pk).attempts == 1


def test_an_unreadable_result_folder_still_ends_the_job(tmp_path, monkeypatch) -> None:
    seller, category = SellerFactory(), CategoryFactory()
    job = job_for(seller, write(tmp_path / "items.csv", rows(category, 1)))

    def broken(*args, **kwargs):
        raise OSError(os.strerror(28))

    monkeypatch.setattr(processing, "result_path", broken)
    assert processing.process(job.pk).status == JobStatus.FAILED
