"""Writing test files the way sellers' spreadsheets save them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl

from sellergate.bulk.columns import ITEM_COLUMNS
from sellergate.bulk.templates import header_rows


def write(
    path: Path, rows: list[list[object]], *, fmt: str = "csv-utf8", template_rows: int = 1
) -> Path:
    """``template_rows``: how many of the template's header rows come first (1, 2 or 5)."""
    head = header_rows(ITEM_COLUMNS)[:template_rows] if template_rows else []
    if rows and isinstance(rows[0], dict):
        keys = head[0] if head else list(rows[0])
        rows = [[row.get(key, "") for key in keys] for row in rows]  # type: ignore[union-attr]
    everything = [*head, *rows]
    if fmt == "xlsx":
        workbook = openpyxl.Workbook()
        for row in everything:
            workbook.active.append(row)
        workbook.save(path)
        return path
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\r\n").writerows(
        everything
    )
    encoding = {
        "csv-utf8": "utf-8",
        "csv-bom": "utf-8-sig",
        "csv-sjis": "cp932",
        "tsv": "utf-8",
        "utf16": "utf-16",
    }[fmt]
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path
