"""Files in the shape of the marketplace's real templates, built from the facts of the
real files (``facts/marketplace-templates.md``, copied from the shared facts), not from
sellergate's column table: keys, the real Japanese labels (line breaks and all), the
real requirement markers, a guidance row of multi-line prose, the example product, then
the seller's rows — from row 5 (over the example) or from row 6 (after it)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import openpyxl

FACTS = (Path(__file__).parent / "facts" / "marketplace-templates.md").read_text(encoding="utf-8")


def _table(title: str) -> list[tuple[str, str, str]]:
    part = FACTS.split(title, 1)[1].split("\n## ", 1)[0]
    found = re.findall(r"^\| \d+ \| `([^`]+)` \| (.+?) \| (.+?) \|$", part, re.M)
    return [(key, label.replace("\\n", "\n"), marker) for key, label, marker in found]


ITEM = _table("## Item template columns")
PRICE_QTY = _table("## Price/stock template columns")
#: The example product's cells the facts give (row 5 of the item template).
EXAMPLE = {
    "item_status_Y/N/D": "Y",
    "end_date": dt.date(2050, 12, 31),
    "available_shipping_date": 3,
    "item_condition_type": 1,
    "origin_type": 1,
}


def columns(kind: str, *, start_date: bool = False) -> list[tuple[str, str, str]]:
    table = list(ITEM if kind == "item" else PRICE_QTY)
    if start_date:  # the 50-column template: start_date right after item_status
        at = [key for key, _l, _m in table].index("item_status_Y/N/D") + 1
        table.insert(at, ("start_date", "販売開始日", "選択入力"))
    return table


def head_rows(kind: str, *, start_date: bool = False, example: bool = True) -> list[list[Any]]:
    table = columns(kind, start_date=start_date)
    rows: list[list[Any]] = [
        [key for key, _l, _m in table],
        [label for _k, label, _m in table],
        [marker for _k, _l, marker in table],
        [f"{label}を入力してください。\n例を参考に、半角で入力します。" for _k, label, _m in table],
    ]
    if kind == "item" and example:
        rows.append(
            [
                EXAMPLE.get(key, f"例：{label}" if key == "item_name" else "")
                for key, label, _m in table
            ]
        )
    return rows


def data_rows(
    kind: str, products: list[dict[str, Any]], *, start_date: bool = False
) -> list[list[Any]]:
    keys = [key for key, _l, _m in columns(kind, start_date=start_date)]
    return [[product.get(key, "") for key in keys] for product in products]


def xlsx(path: Path, rows: list[list[Any]], *, number_columns: tuple[str, ...] = ()) -> Path:
    """As Excel keeps the template: prices and quantities formatted ``#,##0_ ``."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    keys = rows[0]
    for row in rows:
        sheet.append(row)
    for index, key in enumerate(keys, start=1):
        if key in number_columns:
            for cell in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell[0].number_format = "#,##0_ "
    workbook.save(path)
    return path


def excel_csv(path: Path, rows: list[list[Any]], *, number_columns: tuple[str, ...] = ()) -> Path:
    """As Excel saves it as CSV: Shift_JIS, CRLF, numbers as formatted ("1,980 ")."""
    keys = rows[0]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        out = []
        for key, value in zip(keys, row, strict=False):
            if key in number_columns and isinstance(value, int):
                value = f"{value:,} "
            elif isinstance(value, dt.date):
                value = value.strftime("%Y/%m/%d")
            elif isinstance(value, dt.time):
                value = value.strftime("%H:%M")
            out.append(value)
        writer.writerow(out)
    path.write_bytes(buffer.getvalue().encode("cp932"))
    return path
