"""Suspension means stopped: a suspended seller's files are not taken, and its jobs stop
before their next batch (FAILED with the reason; the rows before stay applied)."""

from __future__ import annotations

import pytest

from sellergate.bulk import processing
from sellergate.bulk.models import BulkJob, JobStatus
from sellergate.bulk.suspension import UploadRefused
from sellergate.catalog.models import Product
from sellergate.core.actors import Actor
from sellergate.credentials.suspension import credentials_suspend
from tests.bulk.files import write
from tests.bulk.test_job_end import rows
from tests.bulk.test_processing import job_for
from tests.bulk.test_tasks import receive
from tests.factories import CategoryFactory, SellerFactory, SellerUserFactory
from tests.portal.test_bulk import CSV, upload

pytestmark = pytest.mark.django_db
DESK = Actor.system("desk")


def test_a_suspended_sellers_file_is_not_received(tmp_path) -> None:
    seller = SellerFactory()
    credentials_suspend(actor=DESK, seller=seller, reason="出荷遅延")
    path = write(tmp_path / "items.csv", rows(CategoryFactory(), 1))
    with pytest.raises(UploadRefused) as refused:
        receive(seller, path)
    assert "出荷遅延" in refused.value.text()
    assert not BulkJob.objects.exists()


def test_a_job_stops_before_its_next_batch_when_its_seller_is_suspended(
    tmp_path, monkeypatch
) -> None:
    seller = SellerFactory()
    path = write(tmp_path / "items.csv", rows(CategoryFactory(), processing.BATCH + 10))
    applied = processing.apply_batch

    def suspended_meanwhile(ctx, kind, batch):
        outcomes = applied(ctx, kind, batch)
        credentials_suspend(actor=DESK, seller=seller, reason="未回答の問い合わせ")
        return outcomes

    monkeypatch.setattr(processing, "apply_batch", suspended_meanwhile)
    job = processing.process(job_for(seller, path).pk)
    assert job.status == JobStatus.FAILED
    assert "未回答の問い合わせ" in job.error
    assert Product.objects.filter(seller=seller).count() == processing.BATCH


def test_a_queued_job_of_a_suspended_seller_writes_nothing(tmp_path) -> None:
    seller = SellerFactory()
    job = job_for(seller, write(tmp_path / "items.csv", rows(CategoryFactory(), 3)))
    credentials_suspend(actor=DESK, seller=seller, reason="停止")
    assert processing.process(job.pk).status == JobStatus.FAILED
    assert not Product.objects.filter(seller=seller).exists()


def test_the_bulk_page_refuses_a_suspended_sellers_upload_with_the_reason(client) -> None:
    user = SellerUserFactory()
    client.force_login(user)
    credentials_suspend(actor=DESK, seller=user.seller, reason="クレーム未対応")
    response = upload(client, "items.csv", (CSV + "A-1,,1,マグ,100,1\n").encode())
    assert response.status_code == 403
    assert "クレーム未対応" in response.content.decode()
    assert not BulkJob.objects.exists()
