"""The downloadable templates, made from the same column table the parser reads.

Every format carries the template's five rows (keys, Japanese labels, 必須入力/選択入力,
guidance, example): XLSX, CSV in UTF-8 with a BOM, CSV in Shift_JIS (CP932), and TSV in
UTF-8. A seller fills in rows from the sixth on, or deletes rows 2–5.
"""

from __future__ import annotations

import io

import openpyxl
from openpyxl.styles import Font, PatternFill

from sellergate.bulk.columns import TEMPLATE_NAMES, TEMPLATES, Column
from sellergate.core.csvsafe import SafeWriter

FORMATS = {
    "xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "csv": ("csv", "text/csv; charset=utf-8"),
    "csv-sjis": ("csv", "text/csv; charset=shift_jis"),
    "tsv": ("tsv", "text/tab-separated-values; charset=utf-8"),
}


def header_rows(columns: tuple[Column, ...]) -> list[list[str]]:
    columns = tuple(c for c in columns if c.in_template)
    return [
        [c.key for c in columns],
        [c.label for c in columns],
        [c.requirement for c in columns],
        [c.guidance for c in columns],
        [c.example for c in columns],
    ]


def template(kind: str, fmt: str) -> tuple[str, str, bytes]:
    """(file name, content type, content) of a template."""
    columns = TEMPLATES[kind]
    rows = header_rows(columns)
    extension, content_type = FORMATS[fmt]
    name = f"{TEMPLATE_NAMES[kind]}{'_sjis' if fmt == 'csv-sjis' else ''}.{extension}"
    if fmt == "xlsx":
        return name, content_type, _xlsx(rows)
    buffer = io.StringIO()
    SafeWriter(buffer, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\r\n").writerows(
        rows
    )
    text = buffer.getvalue()
    data = text.encode("cp932") if fmt == "csv-sjis" else ("\ufeff" + text).encode("utf-8")
    return name, content_type, data


def _xlsx(rows: list[list[str]]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "items"
    for row in rows:
        sheet.append(row)
    bold = Font(bold=True)
    shade = PatternFill("solid", fgColor="FFF2CC")
    for cell in sheet[1]:
        cell.font = bold
    for row in sheet.iter_rows(min_row=2, max_row=5):
        for cell in row:
            cell.fill = shade
    sheet.freeze_panes = "A6"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
