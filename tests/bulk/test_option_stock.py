"""An item with options has their stock added up as its own, whatever file changes it."""

from __future__ import annotations

import pytest

from sellergate.bulk import processing
from sellergate.catalog.models import Product
from tests.bulk.files import write
from tests.bulk.test_processing import job_for, result_rows
from tests.factories import CategoryFactory, ProductFactory, SellerFactory

pytestmark = pytest.mark.django_db

OPTIONS = [
    {"name1": "色", "value1": "藍", "name2": "", "value2": "", "price": 0, "qty": 4, "code": "AI"},
    {
        "name1": "色",
        "value1": "白",
        "name2": "",
        "value2": "",
        "price": 0,
        "qty": 5,
        "code": "SHIRO",
    },
]


def stock_file(tmp_path, rows):
    path = tmp_path / "stock.csv"
    head = "item_number,seller_unique_item_id,edit_type,seller_unique_option_id,Price,quantity\n"
    path.write_text(head + "".join(",".join(map(str, r)) + "\n" for r in rows), encoding="utf-8")
    return path


def test_changing_an_options_stock_changes_the_items(tmp_path) -> None:
    seller = SellerFactory()
    ProductFactory(seller=seller, seller_code="MUG-1", quantity=9, options=OPTIONS)
    path = stock_file(tmp_path, [["", "MUG-1", "i", "AI", "", 7]])
    job = processing.process(job_for(seller, path, kind="inventory").pk)
    assert job.ok_rows == 1, result_rows(job)
    product = Product.objects.get()
    assert [o["qty"] for o in product.options] == [7, 5]
    assert product.quantity == 12


def test_an_items_stock_that_disagrees_with_its_options_is_refused(tmp_path) -> None:
    seller = SellerFactory()
    ProductFactory(seller=seller, seller_code="MUG-1", quantity=9, options=OPTIONS)
    path = stock_file(tmp_path, [["", "MUG-1", "g", "", "", 12]])
    job = processing.process(job_for(seller, path, kind="inventory").pk)
    (line,) = [r for r in result_rows(job) if r["status"] == "ERROR"]
    assert line["column"] == "quantity"
    assert "9" in line["message_en"]
    assert Product.objects.get().quantity == 9


def test_an_item_file_with_options_takes_their_sum(tmp_path) -> None:
    seller, category = SellerFactory(), CategoryFactory()
    base = {"category_number": category.code, "item_name": "マグ", "price_yen": 1800}
    option_info = "色||*藍||*0||*3||*AI$$色||*白||*0||*2||*SHIRO"
    rows = [
        {**base, "seller_unique_item_id": "A", "option_info": option_info, "quantity": 5},
        {**base, "seller_unique_item_id": "B", "option_info": option_info, "quantity": 9},
    ]
    job = processing.process(job_for(seller, write(tmp_path / "items.csv", rows)).pk)
    assert (job.ok_rows, job.error_rows) == (1, 1)
    assert Product.objects.get(seller_code="A").quantity == 5
    (line,) = [r for r in result_rows(job) if r["status"] == "ERROR"]
    assert (line["column"], line["seller_unique_item_id"]) == ("quantity", "B")
