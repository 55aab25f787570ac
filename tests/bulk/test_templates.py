"""The templates come from the parser's own column table, in every format it reads."""

from __future__ import annotations

import pytest

from sellergate.bulk.columns import TEMPLATES
from sellergate.bulk.reader import open_sheet
from sellergate.bulk.templates import FORMATS, template


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("kind", list(TEMPLATES))
def test_each_template_reads_back_as_its_columns_and_no_data(tmp_path, kind, fmt) -> None:
    name, _content_type, data = template(kind, fmt)
    path = tmp_path / name
    path.write_bytes(data)
    sheet = open_sheet(path, TEMPLATES[kind], required=("item_number",))
    assert sheet.keys == [column.key for column in TEMPLATES[kind] if column.in_template]
    assert list(sheet.rows) == []
    assert [why for _row, why in sheet.skipped] == ["labels", "requirements", "guidance", "example"]
    expected = {"xlsx": "xlsx", "csv": "utf-8-sig", "csv-sjis": "cp932", "tsv": "utf-8-sig"}
    assert sheet.encoding == expected[fmt]


def test_the_item_template_has_the_marketplaces_columns_in_order() -> None:
    keys = [column.key for column in TEMPLATES["item"] if column.in_template]
    assert keys[:5] == [
        "item_number",
        "seller_unique_item_id",
        "category_number",
        "brand_number",
        "item_name",
    ]
    assert keys[-3:] == ["buy_limit_type", "buy_limit_date", "buy_limit_qty"]
    assert len(keys) == 49
    # The 50-column template's start_date is read, but not in the classic download.
    assert "start_date" in [column.key for column in TEMPLATES["item"]]
    assert "start_date" not in keys
    assert [c.key for c in TEMPLATES["inventory"]] == [
        "item_number",
        "seller_unique_item_id",
        "edit_type",
        "seller_unique_option_id",
        "Price",
        "quantity",
    ]
