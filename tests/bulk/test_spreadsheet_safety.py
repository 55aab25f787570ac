"""What sellergate writes for spreadsheets cannot start a formula, and a spreadsheet's
error values are not taken as data (OWASP's CSV injection guidance)."""

from __future__ import annotations

import csv
import io

import pytest

from sellergate.bulk import processing
from sellergate.catalog.models import Product
from sellergate.core.csvsafe import SafeWriter, neutral
from tests.bulk.files import write
from tests.bulk.test_processing import job_for, result_rows
from tests.factories import CategoryFactory, SellerFactory

pytestmark = pytest.mark.django_db

FORMULAS = [
    '=HYPERLINK("http://evil.example/","x")',
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "+1+1",
    "-2+3",
    "\t=1+1",
]


@pytest.mark.parametrize("value", FORMULAS)
def test_a_formula_leading_cell_is_written_as_text(value) -> None:
    buffer = io.StringIO()
    SafeWriter(buffer).writerow([value, 12, -5, "普通の文字"])
    cells = next(csv.reader(io.StringIO(buffer.getvalue())))
    assert cells == ["'" + value, "12", "-5", "普通の文字"]
    assert neutral("マグ=カップ") == "マグ=カップ"  # only a leading sign is a formula


@pytest.mark.parametrize("fmt", ["csv-utf8", "xlsx"])
def test_seller_codes_that_look_like_formulas_come_back_harmless(tmp_path, fmt) -> None:
    seller, category = SellerFactory(), CategoryFactory()
    rows = [
        {
            "seller_unique_item_id": code,
            "category_number": category.code,
            "item_name": "マグ",
            "price_yen": 1800,
            "quantity": 1,
        }
        for code in FORMULAS[:5]
    ]
    path = write(tmp_path / f"items.{'xlsx' if fmt == 'xlsx' else 'csv'}", rows, fmt=fmt)
    job = processing.process(job_for(seller, path).pk)
    written = [row["seller_unique_item_id"] for row in result_rows(job)]
    # (openpyxl writes a text starting with "=" as a formula, which has no value yet)
    sent = [code for code in FORMULAS[:5] if fmt != "xlsx" or not code.startswith("=")]
    assert [code for code in written if code] == ["'" + code for code in sent]
    for row in result_rows(job):
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row.values()), row


def test_a_spreadsheet_error_value_is_refused_with_its_cell(tmp_path) -> None:
    seller, category = SellerFactory(), CategoryFactory()
    rows = [
        {
            "seller_unique_item_id": "MUG-1",
            "category_number": category.code,
            "item_name": "マグ",
            "price_yen": "#REF!",
            "quantity": "#N/A",
        },
        {
            "seller_unique_item_id": "MUG-2",
            "category_number": category.code,
            "item_name": "マグ",
            "price_yen": 1800,
            "quantity": 2,
        },
    ]
    path = write(tmp_path / "items.xlsx", rows, fmt="xlsx")
    job = processing.process(job_for(seller, path).pk)
    problems = [(r["row"], r["column"]) for r in result_rows(job) if r["status"] == "ERROR"]
    assert {("2", "price_yen"), ("2", "quantity")} <= set(problems)
    assert list(Product.objects.values_list("seller_code", flat=True)) == ["MUG-2"]
