"""Workbooks that unpack into far more than they are are refused before openpyxl reads
them; so are files with too many rows or cells longer than Excel allows."""

from __future__ import annotations

import resource
import zipfile
from pathlib import Path

import pytest

from sellergate.bulk import processing
from sellergate.bulk.columns import TEMPLATES
from sellergate.bulk.models import JobStatus
from sellergate.bulk.reader import FileRejected, open_sheet
from sellergate.catalog.models import Product
from tests.bulk.files import write
from tests.bulk.test_processing import job_for
from tests.factories import CategoryFactory, SellerFactory

pytestmark = pytest.mark.django_db

REQUIRED = processing.REQUIRED_COLUMNS["item"]


def honest(tmp_path: Path, name: str = "items.xlsx", count: int = 3) -> Path:
    category = CategoryFactory()
    rows = [
        {
            "seller_unique_item_id": f"SKU-{n}",
            "category_number": category.code,
            "item_name": f"品 {n}",
            "price_yen": 1000,
            "quantity": 1,
        }
        for n in range(count)
    ]
    return write(tmp_path / name, rows, fmt="xlsx")


def with_part(source: Path, target: Path, part: str, data: bytes) -> Path:
    """``source`` with ``part`` replaced (or added) by ``data``, deflated."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename != part:
                new.writestr(info, old.read(info.filename), zipfile.ZIP_DEFLATED)
        new.writestr(part, data, zipfile.ZIP_DEFLATED)
    return target


def read_all(path: Path) -> list[tuple[int, dict[str, str]]]:
    return list(open_sheet(path, TEMPLATES["item"], required=REQUIRED).rows)


def refusal(path: Path) -> str:
    with pytest.raises(FileRejected) as caught:
        read_all(path)
    return caught.value.text()


def test_an_honest_workbook_is_read(tmp_path) -> None:
    sheet = open_sheet(honest(tmp_path), TEMPLATES["item"], required=REQUIRED)
    assert len(list(sheet.rows)) == 3


def test_shared_strings_that_unpack_a_thousandfold_are_refused(tmp_path) -> None:
    strings = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    strings += b"<si><t>" + b"A" * 30_000_000 + b"</t></si></sst>"
    bomb = with_part(honest(tmp_path), tmp_path / "bomb.xlsx", "xl/sharedStrings.xml", strings)
    assert bomb.stat().st_size < 200_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    message = refusal(bomb)
    assert "xl/sharedStrings.xml" in message
    # Refused from the archive's directory: nothing was unpacked (30 MB would show).
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 20_000  # KiB


def test_a_sheet_of_empty_rows_is_refused(tmp_path) -> None:
    source = honest(tmp_path)
    with zipfile.ZipFile(source) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml")
    head, _, tail = sheet_xml.partition(b"</sheetData>")
    bomb = with_part(
        source,
        tmp_path / "rows.xlsx",
        "xl/worksheets/sheet1.xml",
        head + b"<row/>" * 5_000_000 + b"</sheetData>" + tail,
    )
    assert "xl/worksheets/sheet1.xml" in refusal(bomb)


def test_a_workbook_of_many_parts_is_refused(tmp_path, settings) -> None:
    settings.BULK_XLSX_MAX_ENTRIES = 12
    path = honest(tmp_path)
    for n in range(12):
        path = with_part(path, tmp_path / f"parts{n}.xlsx", f"xl/media/image{n}.png", b"png")
    assert "12" in refusal(path)


def test_a_part_larger_than_the_limit_is_refused_even_when_it_packs_badly(
    tmp_path, settings
) -> None:
    settings.BULK_XLSX_MAX_PART_BYTES = 1024**2
    noise = bytes(range(256)) * 8192  # 2 MB that deflate barely shrinks
    path = with_part(honest(tmp_path), tmp_path / "big.xlsx", "xl/media/photo.bin", noise)
    assert "MB" in refusal(path)


def test_a_damaged_workbook_gets_sellergates_own_message(tmp_path) -> None:
    whole = honest(tmp_path).read_bytes()
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(whole[: len(whole) // 2])
    message = refusal(damaged)
    assert "zip" not in message.lower()
    assert ".xlsx" in message


def test_a_file_with_more_rows_than_allowed_is_refused_before_anything_is_applied(
    tmp_path, settings
) -> None:
    settings.BULK_MAX_ROWS = 5
    seller = SellerFactory()
    path = honest(tmp_path, "many.xlsx", count=40)
    job = processing.process(job_for(seller, path).pk)
    assert job.status == JobStatus.FAILED
    assert "5" in job.error
    assert not Product.objects.filter(seller=seller).exists()


def test_a_cell_longer_than_excel_allows_is_refused_with_its_row(tmp_path) -> None:
    category = CategoryFactory()
    row = {"seller_unique_item_id": "SKU-1", "category_number": category.code}
    path = write(tmp_path / "long.csv", [row, {**row, "item_name": "長" * 40_000}])
    message = refusal(path)
    assert "32767" in message
    assert "3" in message  # the row: header, one good row, then this one


def test_an_unclosed_quote_is_explained_not_passed_through(tmp_path) -> None:
    path = tmp_path / "quote.csv"
    path.write_text('seller_unique_item_id,item_number,item_name\nSKU-1,,"' + "x" * 40_000)
    message = refusal(path)
    assert "field limit" not in message
    assert "32767" in message
