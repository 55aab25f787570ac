"""A bulk job from upload to result file: rows applied one by one, each bad row
reported in both languages, nothing else blocked, and the same file twice the same."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sellergate.audit.models import AuditEvent
from sellergate.bulk import processing
from sellergate.bulk.models import BulkJob, JobStatus
from sellergate.catalog.models import Product
from tests.bulk.files import write
from tests.factories import CategoryFactory, ProductFactory, SellerFactory

pytestmark = pytest.mark.django_db


def job_for(seller, path: Path, kind: str = "item", source: str = "web") -> BulkJob:
    return BulkJob.objects.create(
        seller=seller,
        source=source,
        kind=kind,
        file_name=path.name,
        stored_path=str(path),
        size=path.stat().st_size,
        status=JobStatus.QUEUED,
    )


def result_rows(job: BulkJob) -> list[dict[str, str]]:
    encoding = "cp932" if job.encoding == "cp932" else "utf-8-sig"
    with open(job.result_path, encoding=encoding, newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture
def seller():
    return SellerFactory(login_id="shop-bulk")


@pytest.fixture
def category():
    return CategoryFactory()


def test_a_cp932_file_registers_items_and_reports_each_row(seller, category, tmp_path) -> None:
    rows = [
        {
            "seller_unique_item_id": "MUG-1",
            "category_number": category.code,
            "item_name": "和風マグカップ",
            "price_yen": 1800,
            "quantity": 5,
            "item_status_Y/N/D": "Y",
            "search_keyword": "マグ$$和食器",
            "option_info": "色||*藍||*||*||*0||*3||*MUG-1-AI"
            "$$色||*白||*||*||*100||*2||*MUG-1-SHIRO",
            "header_html": "<b>新作</b>",
        },
        {
            "seller_unique_item_id": "BAD-1",
            "category_number": "999",
            "item_name": "x",
            "price_yen": "千円",
            "quantity": 1,
        },
        {
            "seller_unique_item_id": "BOWL-1",
            "category_number": category.code,
            "item_name": "茶碗",
            "price_yen": 2400,
            "quantity": 0,
            "available_shipping_date": "14:00",
        },
        {
            "seller_unique_item_id": "MUG-1",
            "category_number": category.code,
            "item_name": "二度目",
            "price_yen": 1,
            "quantity": 1,
        },
        {"seller_unique_item_id": "LAMP-1", "item_name": "ランプ"},
    ]
    path = write(tmp_path / "商品一括.csv", rows, fmt="csv-sjis", template_rows=5)
    job = processing.process(job_for(seller, path).pk)
    assert job.status == JobStatus.DONE
    assert (job.total_rows, job.processed_rows, job.ok_rows, job.error_rows) == (5, 5, 2, 3)
    assert job.created_count == 2
    mug = Product.objects.get(seller=seller, seller_code="MUG-1")
    assert (mug.title, mug.price, mug.keywords) == ("和風マグカップ", 1800, ["マグ", "和食器"])
    assert [o["code"] for o in mug.options] == ["MUG-1-AI", "MUG-1-SHIRO"]
    assert mug.extra == {"header_html": "<b>新作</b>"}
    bowl = Product.objects.get(seller=seller, seller_code="BOWL-1")
    assert (bowl.available_date_type, bowl.available_date_value) == (1, "14:00")
    assert not Product.objects.filter(seller_code__in=["BAD-1", "LAMP-1"]).exists()

    result = result_rows(job)
    assert Path(job.result_path).name.startswith("商品一括.")
    by_row: dict[str, list[dict[str, str]]] = {}
    for line in result:
        by_row.setdefault(line["row"], []).append(line)
    assert by_row["6"][0]["status"] == "OK"
    assert by_row["6"][0]["action"] == "created"
    assert by_row["6"][0]["item_number"] == mug.item_code
    bad = {line["column"]: line for line in by_row["7"]}
    assert set(bad) == {"price_yen"}  # the category is checked once the cells are valid
    assert bad["price_yen"]["message_ja"].startswith("整数")
    assert bad["price_yen"]["message_en"].startswith("A whole number")
    assert {line["column"] for line in by_row["9"]} == {"seller_unique_item_id"}
    assert "row 6" in by_row["9"][0]["message_en"]
    assert {line["column"] for line in by_row["10"]} >= {"category_number", "price_yen", "quantity"}
    # The template's own rows: one line saying what was recognised; its example row,
    # passed over, counted and listed as skipped (never as done).
    assert "2" not in by_row
    assert [line["status"] for line in by_row["5"]] == ["SKIPPED"]
    assert job.skipped_rows == 1
    (layout,) = by_row[""]
    assert layout["status"] == "TEMPLATE"
    assert "sellergate's template" in layout["message_en"]
    assert "data from row 6" in layout["message_en"]
    event = AuditEvent.objects.get(action="bulk_job.done")
    assert event.after["registered"] == 2


def test_the_same_file_twice_leaves_the_same_catalog(seller, category, tmp_path) -> None:
    rows = [
        {
            "seller_unique_item_id": f"SKU-{n}",
            "category_number": category.code,
            "item_name": f"品{n}",
            "price_yen": 100 + n,
            "quantity": n,
        }
        for n in range(30)
    ]
    first = processing.process(job_for(seller, write(tmp_path / "a.csv", rows)).pk)
    catalog = list(Product.objects.order_by("pk").values())
    second = processing.process(job_for(seller, write(tmp_path / "b.csv", rows)).pk)
    assert (first.created_count, second.created_count, second.updated_count) == (30, 0, 0)
    assert list(Product.objects.order_by("pk").values()) == catalog
    assert {line["action"] for line in result_rows(second)} == {"unchanged"}


def test_a_row_with_item_number_modifies_only_the_sellers_own_item(
    seller, category, tmp_path
) -> None:
    mine = ProductFactory(seller=seller, category=category, seller_code="MINE", price=100)
    theirs = ProductFactory(category=category, seller_code="THEIRS", price=100)
    rows = [
        {"item_number": mine.item_code, "seller_unique_item_id": "MINE", "price_yen": 150},
        {"item_number": theirs.item_code, "seller_unique_item_id": "THEIRS", "price_yen": 1},
    ]
    job = processing.process(job_for(seller, write(tmp_path / "m.xlsx", rows, fmt="xlsx")).pk)
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.price, theirs.price) == (150, 100)
    assert (job.ok_rows, job.error_rows, job.updated_count) == (1, 1, 1)


def test_price_and_stock_of_items_and_options(seller, category, tmp_path) -> None:
    item = ProductFactory(
        seller=seller,
        category=category,
        seller_code="MUG",
        price=1000,
        quantity=5,
        options=[
            {
                "name1": "色",
                "value1": "藍",
                "name2": "",
                "value2": "",
                "price": 0,
                "qty": 1,
                "code": "MUG-AI",
            }
        ],
    )
    path = tmp_path / "stock.tsv"
    path.write_text(
        "item_number\tseller_unique_item_id\tedit_type\tseller_unique_option_id\tPrice\tquantity\n"
        f"{item.item_code}\t\tg\t\t1200\t\n"
        "\tMUG\ti\tMUG-AI\t50\t9\n"
        "\tMUG\ti\tMUG-NONE\t\t1\n",
        encoding="utf-8",
    )
    job = processing.process(job_for(seller, path, kind="inventory").pk)
    item.refresh_from_db()
    assert item.price == 1200  # an empty cell keeps the value
    assert (item.options[0]["price"], item.options[0]["qty"]) == (50, 9)
    assert item.quantity == 9  # an item with options has their stock added up
    assert (job.ok_rows, job.error_rows) == (2, 1)
    errors = [line for line in result_rows(job) if line["status"] == "ERROR"]
    assert errors[0]["column"] == "seller_unique_option_id"


def test_a_file_that_cannot_be_read_fails_with_the_reason_in_the_result(seller, tmp_path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("sku,name\nA,B\n", encoding="utf-8")
    job = processing.process(job_for(seller, path).pk)
    assert job.status == JobStatus.FAILED
    assert "'sku'" in job.error
    [line] = result_rows(job)
    assert line["status"] == "REFUSED"
    assert "'sku'" in line["message_ja"]
    assert "'sku'" in line["message_en"]


def test_a_job_is_processed_once(seller, category, tmp_path) -> None:
    path = write(
        tmp_path / "once.csv",
        [
            {
                "seller_unique_item_id": "ONE",
                "category_number": category.code,
                "item_name": "一",
                "price_yen": 1,
                "quantity": 1,
            }
        ],
    )
    job = job_for(seller, path)
    assert processing.process(job.pk) is not None
    assert processing.process(job.pk) is None
    assert Product.objects.count() == 1


def test_an_ftp_jobs_result_goes_to_the_sellers_results_folder(seller, category, tmp_path):
    home = tmp_path / "sg-shop-bulk"
    (home / "item").mkdir(parents=True)
    path = write(
        home / "item" / "items.csv",
        [
            {
                "seller_unique_item_id": "X",
                "category_number": category.code,
                "item_name": "x",
                "price_yen": 1,
                "quantity": 1,
            }
        ],
    )
    job = processing.process(job_for(seller, path, source="ftp").pk)
    assert Path(job.result_path).parent == home / "results"
    assert Path(job.result_path).name.startswith("items.")


def test_a_batch_retried_row_by_row_still_knows_the_earlier_batches(
    seller, category, tmp_path, monkeypatch
) -> None:
    from django.db import IntegrityError

    from sellergate.bulk import rows as bulk_rows

    real = bulk_rows.products_save
    calls = {"n": 0}

    def racing(**kwargs):
        calls["n"] += 1
        if calls["n"] == 2:  # the second batch meets a concurrent writer once
            raise IntegrityError("seller_code_unique_per_seller")
        return real(**kwargs)

    monkeypatch.setattr(bulk_rows, "products_save", racing)
    monkeypatch.setattr(processing, "BATCH", 2)
    rows = [
        {
            "seller_unique_item_id": code,
            "category_number": category.code,
            "item_name": code,
            "price_yen": 1,
            "quantity": 1,
        }
        for code in ("A", "B", "A", "C")
    ]
    job = processing.process(job_for(seller, write(tmp_path / "race.csv", rows)).pk)
    assert (job.ok_rows, job.error_rows) == (3, 1)
    [duplicate] = [line for line in result_rows(job) if line["status"] == "ERROR"]
    assert duplicate["row"] == "4"
    assert "row 2" in duplicate["message_en"]


def test_options_in_a_file_follow_the_apis_rules(seller, category, tmp_path) -> None:
    """option_info and additional_option_info are read by the catalog's one reading:
    a one-level option of five parts is taken, a fourth additional option name is not."""
    base = {
        "category_number": category.code,
        "item_name": "Tシャツ",
        "price_yen": 3000,
        "quantity": 5,
    }
    rows = [
        {**base, "seller_unique_item_id": "TEE-1", "option_info": "色||*藍||*0||*5||*TEE-1-AI"},
        {
            **base,
            "seller_unique_item_id": "TEE-2",
            "additional_option_info": "$$".join(f"名{n}||*値||*0" for n in range(4)),
        },
    ]
    job = processing.process(job_for(seller, write(tmp_path / "options.csv", rows)).pk)
    assert (job.ok_rows, job.error_rows) == (1, 1)
    tee = Product.objects.get(seller=seller, seller_code="TEE-1")
    assert [(o["value1"], o["qty"], o["code"]) for o in tee.options] == [("藍", 5, "TEE-1-AI")]
    errors = [r for r in result_rows(job) if r.get("column")]
    assert [e["column"] for e in errors] == ["additional_option_info"]
