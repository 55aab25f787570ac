"""The marketplace's real templates, filled in as sellers fill them (files built from
the facts of the real files, tests/bulk/marketplace_files.py): recognised by their
content, data from row 5 or from row 6, nothing dropped without a word."""

from __future__ import annotations

import datetime as dt

import pytest

from sellergate.bulk import processing
from sellergate.bulk.models import JobStatus
from sellergate.catalog.models import Product
from tests.bulk import marketplace_files as real
from tests.bulk.test_processing import job_for, result_rows
from tests.factories import CategoryFactory, ProductFactory, SellerFactory

pytestmark = pytest.mark.django_db

NUMBERS = ("price_yen", "quantity", "Price")


def products(category, n: int = 2, **more) -> list[dict]:
    return [
        {
            "seller_unique_item_id": f"REAL-{i}",
            "category_number": category.code,
            "item_name": f"波佐見焼 マグ {i}",
            "item_status_Y/N/D": "Y",
            "price_yen": 1980 + i,
            "quantity": 5 + i,
            "available_shipping_date": 2,
            **more,
        }
        for i in range(1, n + 1)
    ]


def run(seller, path):
    job = processing.process(job_for(seller, path).pk)
    assert job.status == JobStatus.DONE, job.error
    return job, result_rows(job)


@pytest.mark.parametrize("save", ["xlsx", "excel-csv"])
@pytest.mark.parametrize("example_kept", [False, True], ids=["from-row-5", "from-row-6"])
def test_the_real_item_template_from_row_5_or_6(tmp_path, save, example_kept) -> None:
    seller, category = SellerFactory(), CategoryFactory()
    rows = real.head_rows("item", example=example_kept) + real.data_rows("item", products(category))
    write = real.xlsx if save == "xlsx" else real.excel_csv
    job, result = run(seller, write(tmp_path / f"items.{save}", rows, number_columns=NUMBERS))
    first = 6 if example_kept else 5
    assert (job.total_rows, job.ok_rows, job.error_rows) == (2, 2, 0), result
    assert job.skipped_rows == (1 if example_kept else 0)
    assert sorted(Product.objects.values_list("seller_code", "price", "quantity")) == [
        ("REAL-1", 1981, 6),
        ("REAL-2", 1982, 7),
    ]
    by_status = {}
    for line in result:
        by_status.setdefault(line["status"], []).append(line)
    assert [line["row"] for line in by_status["OK"]] == [str(first), str(first + 1)]
    (layout,) = by_status["TEMPLATE"]
    assert "The marketplace's template" in layout["message_en"]
    assert f"data from row {first}" in layout["message_en"]
    assert "ERROR" not in by_status
    assert [line["row"] for line in by_status.get("SKIPPED", [])] == (["5"] if example_kept else [])


def test_a_product_over_the_example_row_that_keeps_one_example_value_is_data(tmp_path) -> None:
    seller, category = SellerFactory(), CategoryFactory()
    mine = products(category, 1, end_date=dt.date(2050, 12, 31), available_shipping_date=3)
    rows = real.head_rows("item", example=False) + real.data_rows("item", mine)
    job, _result = run(seller, real.xlsx(tmp_path / "items.xlsx", rows, number_columns=NUMBERS))
    assert (job.ok_rows, job.skipped_rows) == (1, 0)


def test_the_50_column_template_with_a_start_date_and_a_time_cell(tmp_path) -> None:
    seller, category = SellerFactory(), CategoryFactory()
    mine = products(
        category, 1, start_date=dt.date(2027, 1, 5), available_shipping_date=dt.time(16, 30)
    )
    rows = real.head_rows("item", start_date=True) + real.data_rows("item", mine, start_date=True)
    job, result = run(seller, real.xlsx(tmp_path / "items50.xlsx", rows, number_columns=NUMBERS))
    assert job.ok_rows == 1, result
    product = Product.objects.get()
    assert product.extra["start_date"] == "2027-01-05"
    assert (product.available_date_type, product.available_date_value) == (1, "16:30")


@pytest.mark.parametrize("save", ["xlsx", "excel-csv"])
def test_the_real_price_and_stock_template_has_no_example_row(tmp_path, save) -> None:
    seller = SellerFactory()
    ProductFactory(seller=seller, seller_code="MUG-1", price=1000, quantity=1)
    ProductFactory(seller=seller, seller_code="MUG-2", price=1000, quantity=1)
    changes = [
        {"seller_unique_item_id": "MUG-1", "edit_type": "g", "Price": 1980, "quantity": 12},
        {"seller_unique_item_id": "MUG-2", "edit_type": "g", "Price": 2980, "quantity": 3},
    ]
    rows = real.head_rows("inventory") + real.data_rows("inventory", changes)
    write = real.xlsx if save == "xlsx" else real.excel_csv
    path = write(tmp_path / f"stock.{save}", rows, number_columns=NUMBERS)
    job = processing.process(job_for(seller, path, kind="inventory").pk)
    assert (job.total_rows, job.ok_rows, job.skipped_rows) == (2, 2, 0), result_rows(job)
    assert sorted(Product.objects.values_list("seller_code", "price", "quantity")) == [
        ("MUG-1", 1980, 12),
        ("MUG-2", 2980, 3),
    ]
    assert [line["row"] for line in result_rows(job) if line["status"] == "OK"] == ["5", "6"]
