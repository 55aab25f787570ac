"""The 商品の一括登録/修正 page: upload, job list, result download, templates."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks_db.models import DBTaskResult

from sellergate.bulk import processing
from sellergate.bulk.models import BulkJob
from tests.factories import BulkJobFactory, CategoryFactory, SellerUserFactory

pytestmark = pytest.mark.django_db

CSV = "seller_unique_item_id,item_number,category_number,item_name,price_yen,quantity\n"


@pytest.fixture
def seller_client(client):
    user = SellerUserFactory()
    client.force_login(user)
    return client, user


def upload(client, name: str, content: bytes, kind: str = "item"):
    return client.post(
        "/seller/products/bulk/upload/", {"kind": kind, "file": SimpleUploadedFile(name, content)}
    )


def test_an_upload_is_stored_queued_and_listed(
    seller_client, django_capture_on_commit_callbacks
) -> None:
    client, user = seller_client
    category = CategoryFactory()
    content = (CSV + f"A-1,,{category.code},マグ,100,1\n").encode("cp932")
    with django_capture_on_commit_callbacks(execute=True):  # queued once recorded
        response = upload(client, "一括.csv", content)
    assert response.status_code == 302
    job = BulkJob.objects.get()
    assert (job.seller, job.source, job.kind, job.status) == (user.seller, "web", "item", "queued")
    assert Path(job.stored_path).read_bytes() == content
    assert DBTaskResult.objects.get().args_kwargs["args"] == [job.pk]
    page = client.get("/seller/products/bulk/").content.decode()
    assert "一括.csv" in page
    assert 'data-active="true"' in page

    processing.process(job.pk)
    table = client.get("/seller/products/bulk/jobs/").content.decode()
    assert 'data-active="false"' in table
    assert 'data-status="done"' in table
    result = client.get(f"/seller/products/bulk/jobs/{job.pk}/result/")
    assert result.status_code == 200
    assert "OK" in b"".join(result.streaming_content).decode("cp932")


def test_a_file_that_is_not_a_bulk_file_is_refused_with_the_reason(seller_client) -> None:
    client, _user = seller_client
    response = upload(client, "photo.png", b"\x89PNG")
    assert response.status_code == 400
    assert "photo.png" in response.content.decode()
    assert not BulkJob.objects.exists()


def test_another_sellers_result_is_not_found(seller_client, tmp_path) -> None:
    client, _user = seller_client
    other = SellerUserFactory()
    result = tmp_path / "r.csv"
    result.write_text("row\n")
    job = BulkJobFactory(
        seller=other.seller,
        file_name="x.csv",
        result_path=str(result),
    )
    assert client.get(f"/seller/products/bulk/jobs/{job.pk}/result/").status_code == 404


def test_templates_download_in_every_format(seller_client) -> None:
    client, _user = seller_client
    page = client.get("/seller/products/bulk/").content.decode()
    assert page.count("data-template=") == 8
    xlsx = client.get("/seller/products/bulk/templates/item/xlsx/")
    assert xlsx["Content-Disposition"] == 'attachment; filename="Qoo10_EditItemList.xlsx"'
    assert xlsx.content.startswith(b"PK")
    sjis = client.get("/seller/products/bulk/templates/inventory/csv-sjis/")
    assert sjis.content.decode("cp932").startswith("item_number,seller_unique_item_id,edit_type")
    assert client.get("/seller/products/bulk/templates/item/pdf/").status_code == 404


def test_the_job_table_says_when_rows_were_refused_or_the_file_was_empty(seller_client) -> None:
    client, _user = seller_client
    category = CategoryFactory()
    for name, content in (
        ("mixed.csv", CSV + f"A,,{category.code},マグ,1000,1\nB,,{category.code},皿,千円,1\n"),
        ("empty.csv", CSV),
        ("fine.csv", CSV + f"C,,{category.code},椀,900,2\n"),
    ):
        upload(client, name, content.encode())
    for job in BulkJob.objects.all():
        processing.process(job.pk)
    page = client.get("/seller/products/bulk/jobs/").content.decode()
    rows = {
        name: page.split(f"<td>{name}<br>", 1)[0].rsplit("<tr ", 1)[1]
        for name in ("mixed.csv", "empty.csv", "fine.csv")
    }
    assert 'data-outcome="errors" class="warn-row"' in rows["mixed.csv"]
    assert 'data-outcome="empty" class="warn-row"' in rows["empty.csv"]
    assert 'data-outcome="ok"' in rows["fine.csv"]
    assert "warn-row" not in rows["fine.csv"]
    assert "1行は反映されませんでした" in page
    assert "ファイルにデータの行がありません" in page
    assert page.startswith('<div class="table-scroll">')
