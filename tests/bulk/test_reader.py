"""Whatever a seller's spreadsheet saved, the same rows come out."""

from __future__ import annotations

import pytest

from sellergate.bulk.columns import ITEM_COLUMNS
from sellergate.bulk.reader import FileRejected, open_sheet
from tests.bulk.files import write

ROWS = [
    {
        "item_number": "",
        "seller_unique_item_id": "MUG-1",
        "item_name": "和風マグカップ",
        "price_yen": 1800,
        "quantity": 3,
        "search_keyword": "マグ$$和食器",
    },
    {
        "item_number": "100000001",
        "seller_unique_item_id": "BOWL-1",
        "item_name": "茶碗, 白",
        "price_yen": 2400,
        "quantity": 0,
    },
]
FORMATS = ["xlsx", "csv-utf8", "csv-bom", "csv-sjis", "tsv", "utf16"]
ENCODINGS = {
    "xlsx": "xlsx",
    "csv-utf8": "utf-8",
    "csv-bom": "utf-8-sig",
    "csv-sjis": "cp932",
    "tsv": "utf-8",
    "utf16": "utf-16",
}


def read(path):
    sheet = open_sheet(path, ITEM_COLUMNS, required=("item_number", "seller_unique_item_id"))
    return sheet, list(sheet.rows)


@pytest.mark.parametrize("template_rows", [1, 2, 5])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_and_header_style_reads_the_same(tmp_path, fmt, template_rows) -> None:
    sheet, rows = read(write(tmp_path / f"items.{fmt}", ROWS, fmt=fmt, template_rows=template_rows))
    assert sheet.encoding == ENCODINGS[fmt]
    first_data_row = template_rows + 1
    assert [number for number, _cells in rows] == [first_data_row, first_data_row + 1]
    assert rows[0][1]["item_name"] == "和風マグカップ"
    assert rows[0][1]["price_yen"] == "1800"  # not 1800.0 from a spreadsheet number
    assert rows[1][1]["item_name"] == "茶碗, 白"
    assert rows[0][1]["search_keyword"] == "マグ$$和食器"
    skipped = {1: [], 2: ["labels"], 5: ["labels", "requirements", "guidance", "example"]}
    assert [why for _row, why in sheet.skipped] == skipped[template_rows]


def test_a_header_naming_unknown_and_missing_columns_is_refused(tmp_path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("item_number,item_nmae,price_yen\n,マグ,100\n", encoding="utf-8")
    with pytest.raises(FileRejected) as raised:
        read(path)
    text = raised.value.text()
    assert "'item_nmae'" in text
    assert "seller_unique_item_id" in text


def test_labels_in_the_first_row_are_explained(tmp_path) -> None:
    path = tmp_path / "labels.csv"
    path.write_text("商品コード,販売者商品コード,商品名\n,A,マグ\n", encoding="utf-8")
    with pytest.raises(FileRejected) as raised:
        read(path)
    assert "item_number" in raised.value.text()


def test_text_in_no_known_encoding_is_refused(tmp_path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(b"item_number,seller_unique_item_id\n,\x81\xff\xfe\x80\n")
    with pytest.raises(FileRejected) as raised:
        read(path)
    assert "Shift_JIS" in raised.value.text()


def test_an_empty_file_and_a_broken_workbook_are_refused(tmp_path) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(FileRejected):
        read(tmp_path / "empty.csv")
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04not really a zip")
    with pytest.raises(FileRejected):
        read(tmp_path / "broken.xlsx")
