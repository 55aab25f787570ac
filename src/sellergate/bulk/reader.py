"""Opening a bulk file as rows of text, whatever a seller's spreadsheet saved.

XLSX (openpyxl in read-only mode: rows are streamed, memory stays flat — chosen over
python-calamine because the same library writes the downloadable templates), and
CSV/TSV in UTF-8 with or without BOM, UTF-16 (Excel's "Unicode text") or Shift_JIS/CP932
(what Japanese Excel saves as CSV). The delimiter is the one the header row uses.

Row 1 holds the English column keys. It may be followed by the template's own rows:
Japanese labels (row 2) and, in the full template, the 必須入力/選択入力 row, the
guidance row and the example row (rows 3–5); those are reported as skipped, not read
as data. A header with unknown or missing columns refuses the whole file.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import itertools
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sellergate.bulk import marketplace
from sellergate.bulk.archive import ArchiveRejected, check_xlsx
from sellergate.bulk.columns import REQUIREMENTS, TEMPLATES, Column
from sellergate.core.errors import Message, TranslatableError
from sellergate.core.numbers import parse_whole

log = logging.getLogger(__name__)

SAMPLE = 64 * 1024
#: Excel's own limit on one cell; no column of the templates takes more.
CELL_CHARACTERS = 32767
#: Rows a file may have before its data, beyond SELLERGATE_BULK_MAX_ROWS (header rows).
HEADER_ROWS = 10
# The csv module's own limit (131 072 characters) would surface as its English message.
csv.field_size_limit(CELL_CHARACTERS + 1)
XLSX_MAGIC = b"PK\x03\x04"


class FileRejected(TranslatableError):
    """The whole file cannot be read; the message says why and how to fix it."""


@dataclass
class Sheet:
    keys: list[str]
    encoding: str  # "xlsx", "utf-8-sig", "utf-8", "utf-16", "cp932"
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, why)
    template: str = ""  # whose template's rows were recognised: "sellergate", "marketplace"
    first_data_row: int = 0
    rows: Iterator[tuple[int, dict[str, str]]] = field(default_factory=lambda: iter(()))


def cell_text(value: Any) -> str:
    """A spreadsheet value as the text a seller typed (12 rather than 12.0)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):  # 16:30 typed in Excel is a time cell
        return value.strftime("%H:%M" if not value.second else "%H:%M:%S")
    return str(value).strip()


def detect_encoding(sample: bytes) -> str:
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError as error:
        if not sample[: error.start].isascii():
            # UTF-8 text up to here, then something else: a file that changes encoding,
            # refused at its line when the lines are read.
            return "utf-8"
    else:
        return "utf-8"
    try:
        codecs.getincrementaldecoder("cp932")().decode(sample, final=False)
    except UnicodeDecodeError:
        raise FileRejected(
            _(
                "The file is neither UTF-8 nor Shift_JIS (CP932) text: save it as CSV UTF-8, "
                "CSV, or Excel workbook (.xlsx)."
            )
        ) from None
    return "cp932"


ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "cp932": "Shift_JIS (CP932)"}


def _mixed(line_number: int, was: str, now: str) -> FileRejected:
    return FileRejected(
        _(
            "The file changes encoding at line %(line)d (from %(was)s to %(now)s): save the "
            "whole file again in one encoding."
        ),
        line=line_number,
        was=was,
        now=now,
    )


def _decoded_lines(path: Path, encoding: str) -> Iterator[str]:
    """The file's lines decoded one by one, so that an encoding that changes anywhere
    is caught at its line: a UTF-8 line in a Shift_JIS file decodes as Shift_JIS without
    an error (as mojibake), so every Shift_JIS line with other than ASCII in it is also
    tried as UTF-8, which real Shift_JIS text practically never is."""
    with path.open("rb") as stream:
        for line_number, raw in enumerate(stream, start=1):
            if line_number == 1 and encoding == "utf-8-sig":
                raw = raw.removeprefix(codecs.BOM_UTF8)
            try:
                text = raw.decode("cp932" if encoding == "cp932" else "utf-8")
            except UnicodeDecodeError:
                other = ENCODING_NAMES["utf-8" if encoding == "cp932" else "cp932"]
                raise _mixed(line_number, ENCODING_NAMES[encoding], other) from None
            if encoding == "cp932" and not raw.isascii():
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError:
                    pass
                else:
                    raise _mixed(line_number, ENCODING_NAMES["cp932"], ENCODING_NAMES["utf-8"])
            yield text


def _text_rows(path: Path, encoding: str) -> Iterator[list[str]]:
    with contextlib.ExitStack() as stack:
        lines: Iterator[str]
        if encoding == "utf-16":  # lines cannot be split as bytes: the stream decodes it
            lines = iter(
                stack.enter_context(path.open(encoding=encoding, newline="", errors="strict"))
            )
        else:
            lines = _decoded_lines(path, encoding)
        first = next(lines, "")
        delimiter = "\t" if first.count("\t") > first.count(",") else ","
        reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
        try:
            yield from reader
        except UnicodeDecodeError:
            raise FileRejected(
                _("The file changes encoding part-way: save the whole file again in one encoding.")
            ) from None
        except csv.Error as error:
            if "field larger than field limit" in str(error):
                raise _cell_too_long(None) from None
            # csv's own words ("line contains NUL" …) are not for sellers.
            raise FileRejected(
                _(
                    "The file cannot be read as CSV near line %(line)d (a stray quote or a "
                    "character a text file does not hold): save it again as CSV from your "
                    "spreadsheet."
                ),
                line=reader.line_num,
            ) from None


def _cell_too_long(row: int | None) -> FileRejected:
    if row is None:
        return FileRejected(
            _(
                "A cell of the file is longer than %(limit)d characters, Excel's own limit for "
                'a cell: check for a missing closing quote ("), then save the file again.'
            ),
            limit=CELL_CHARACTERS,
        )
    return FileRejected(
        _(
            "Row %(row)d has a cell longer than %(limit)d characters, Excel's own limit for a "
            "cell: shorten it and save the file again."
        ),
        row=row,
        limit=CELL_CHARACTERS,
    )


def _xlsx_rows(path: Path) -> Iterator[list[str]]:
    try:
        check_xlsx(path)  # before openpyxl unpacks anything (bulk/archive.py)
    except ArchiveRejected as refusal:
        raise FileRejected(refusal.message, **refusal.params) from None
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # any unreadable workbook is the seller's file to fix
        # openpyxl's own words ("File is not a zip file" …) are not for sellers: logged.
        log.info("bulk file %s: openpyxl cannot open it: %s", path.name, str(error)[:200])
        raise FileRejected(
            _(
                "The file looks like an Excel workbook (.xlsx) but cannot be opened as one: "
                "save it again from your spreadsheet as an Excel workbook (.xlsx) or as CSV."
            )
        ) from None
    try:
        sheet = workbook.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield [cell_text(v) for v in values]
    except (MemoryError, FileRejected):
        raise  # the job's memory bound, or a refusal of ours
    except Exception as error:  # expat's "limit on input amplification factor" …
        log.info("bulk file %s: openpyxl cannot read it: %s", path.name, str(error)[:200])
        raise FileRejected(
            _(
                "The workbook's contents cannot be read (the file is damaged or was not saved "
                "by a spreadsheet): save it again from your spreadsheet as .xlsx or as CSV."
            )
        ) from None
    finally:
        workbook.close()


def raw_rows(path: Path) -> tuple[str, Iterator[list[str]]]:
    with path.open("rb") as stream:
        sample = stream.read(SAMPLE)
    if sample.startswith(XLSX_MAGIC):
        return "xlsx", _xlsx_rows(path)
    if not sample.strip():
        raise FileRejected(_("The file is empty."))
    encoding = detect_encoding(sample)
    return encoding, _text_rows(path, encoding)


#: Which of the template's rows may follow each (keys are row 1, the header).
NEXT_ROW = {"labels": "requirements", "requirements": "guidance", "guidance": "example"}
NEXT_ROW["example"] = "data"
#: Columns a data row fills with a number, and the guidance row with prose.
NUMBER_COLUMNS = ("price_yen", "quantity", "Price", "category_number", "item_number")


#: Characters Shift_JIS (CP932) gives back as others: a template saved as CSV by Excel
#: comes back with the wave dash as the full-width tilde, the minus as the full-width
#: hyphen-minus, and so on.
CP932_FORMS = str.maketrans(
    "\u301c\u2212\u2016\u2014\u00a2\u00a3\u00ac", "\uff5e\uff0d\u2225\u2015\uffe0\uffe1\uffe2"
)


def _squeezed(text: str) -> str:
    """Text compared as the template's: without its line breaks and spaces, and with
    the forms a Shift_JIS round trip gives."""
    return "".join(text.split()).translate(CP932_FORMS)


def _is_labels(row: list[str], columns: Sequence[Column]) -> tuple[bool, str]:
    """Whether ``row`` is a row of labels (sellergate's own or the marketplace's), and
    whose. A column whose marketplace label is not known (``start_date``) may hold any
    text but a number."""
    own = market = 0
    for cell, column in zip(row, columns, strict=False):
        if not cell:
            continue
        if _squeezed(cell) == _squeezed(column.label):
            own += 1
        elif _squeezed(cell) == _squeezed(marketplace.LABELS.get(column.key, "\0")):
            market += 1
        elif column.key in marketplace.LABELS or parse_whole(cell) is not None:
            return False, ""
    return own + market > 0, "marketplace" if market > own else "sellergate"


def _is_guidance(row: list[str], columns: Sequence[Column]) -> bool:
    """sellergate's guidance row, or the marketplace's: prose, some of it on several
    lines, where a data row has numbers."""
    if _matches(row, columns, "guidance"):
        return True
    cells = dict(zip((c.key for c in columns), row, strict=False))
    if any(parse_whole(cells[key]) is not None for key in NUMBER_COLUMNS if cells.get(key)):
        return False
    return any("\n" in cell for cell in row)


def _is_example(row: list[str], columns: Sequence[Column]) -> tuple[bool, str]:
    """The template's own example product: sellergate's exactly, or every known cell of
    the marketplace's (a seller's product written over it changes at least one)."""
    if _matches(row, columns, "example"):
        return True, "sellergate"
    cells = dict(zip((c.key for c in columns), row, strict=False))
    known = marketplace.EXAMPLE.items()
    return all(_as_date(cells.get(key, "")) == value for key, value in known), "marketplace"


SLASHED = re.compile(r"([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})")


def _as_date(cell: str) -> str:
    """2050/12/31 (a date cell as Excel saves it to CSV) as 2050-12-31."""
    found = SLASHED.fullmatch(cell)
    if found is None:
        return cell
    year, month, day = found.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _template_row(row: list[str], columns: Sequence[Column], stage: str) -> tuple[str, str] | None:
    """(which of the template's rows ``row`` is, whose template) or None: data."""
    if not any(row):
        return None
    if stage == "labels":
        is_labels, source = _is_labels(row, columns)
        if is_labels:
            return "labels", source
    if stage in ("labels", "requirements") and all(c in REQUIREMENTS for c in row if c):
        return "requirements", ""
    if stage == "guidance" and _is_guidance(row, columns):
        return "guidance", ""
    if stage in ("guidance", "example"):
        is_example, source = _is_example(row, columns)
        if is_example:
            return "example", source
    return None


def _matches(row: list[str], columns: Sequence[Column | None], attribute: str) -> bool:
    pairs = [(cell, col) for cell, col in zip(row, columns, strict=False) if cell]
    return bool(pairs) and all(
        col is not None and _squeezed(cell) == _squeezed(getattr(col, attribute))
        for cell, col in pairs
    )


#: The kinds of file, by the folder (and the page's choice) they are uploaded as.
KIND_NAMES = {
    "item": _("an item file (FTP folder item/)"),
    "inventory": _("a price and stock file (FTP folder inventory/)"),
}


def _refuse_other_template(header: list[str], template: tuple[Column, ...]) -> None:
    """A file of the other template, uploaded as this one: say so, not "46 unknown
    columns"."""
    if marketplace.is_move_header(header):
        raise FileRejected(
            _(
                "This is a MOVE (fashion) listing file: item files hold normal items only. "
                "Register MOVE listings through the API (ItemsBasic.SetNewMoveGoods)."
            )
        )
    for kind, columns in TEMPLATES.items():
        keys = {c.key for c in columns}
        if columns is not template and {cell for cell in header if cell} <= keys:
            raise FileRejected(
                _("This file has the columns of the other template: upload it as %(kind)s."),
                kind=KIND_NAMES[kind],
            )


def open_sheet(path: Path, template: tuple[Column, ...], *, required: tuple[str, ...]) -> Sheet:
    """The file's rows as {column key: text}, numbered as in the file (1-based)."""
    encoding, rows = raw_rows(path)
    numbered = enumerate(rows, start=1)
    header: list[str] | None = None
    number = 0
    for row_number, row in numbered:
        if any(cell.strip() for cell in row):
            header = [cell.strip().lstrip("\ufeff") for cell in row]
            number = row_number
            break
    if header is None:
        raise FileRejected(_("The file has no header row."))
    while header and not header[-1]:
        header.pop()
    by_key = {column.key: column for column in template}
    by_label = {column.label for column in template}
    if (
        header
        and all(cell in by_label for cell in header if cell)
        and not (set(header) & set(by_key))
    ):
        raise FileRejected(
            _(
                "Row %(row)d holds the Japanese labels: the first row must be the English keys "
                "(%(first)s, …). Download the template to see both rows."
            ),
            row=number,
            first=", ".join(c.key for c in template[:3]),
        )
    unknown = [cell for cell in header if cell not in by_key]
    missing = [key for key in required if key not in header]
    if unknown:
        _refuse_other_template(header, template)
    duplicated = sorted({cell for cell in header if cell and header.count(cell) > 1})
    if unknown or missing or duplicated:
        # Each part stays lazy, so the English column of a result file is English
        # throughout and the Japanese one Japanese.
        problems = []
        if unknown:
            names = ", ".join(repr(c) for c in unknown)
            problems.append(Message(_("unknown columns: %(names)s"), {"names": names}))
        if missing:
            names = ", ".join(missing)
            problems.append(Message(_("missing columns: %(names)s"), {"names": names}))
        if duplicated:
            names = ", ".join(duplicated)
            problems.append(Message(_("columns given twice: %(names)s"), {"names": names}))
        joined = Message(
            "; ".join(f"%(p{n})s" for n in range(len(problems))),
            {f"p{n}": part for n, part in enumerate(problems)},
        )
        raise FileRejected(
            _(
                "The header (row %(row)d) does not match the template: %(problems)s. Use the "
                "column keys of the downloadable template."
            ),
            row=number,
            problems=joined,
        )
    columns = [by_key[key] for key in header]
    sheet = Sheet(keys=header, encoding=encoding)

    most = settings.BULK_MAX_ROWS + HEADER_ROWS

    def data() -> Iterator[tuple[int, dict[str, str]]]:
        stage = "labels"  # which of the template's rows may come next
        for row_number, row in numbered:
            if row_number > most:
                raise FileRejected(
                    _(
                        "The file has more than %(limit)d rows: split it into files of at most "
                        "%(limit)d rows each."
                    ),
                    limit=settings.BULK_MAX_ROWS,
                )
            if any(len(cell) > CELL_CHARACTERS for cell in row):
                raise _cell_too_long(row_number)
            if stage != "data":
                found = _template_row([c.strip() for c in row], columns, stage)
                if found is not None:
                    kind, source = found
                    sheet.skipped.append((row_number, kind))
                    sheet.template = sheet.template or source
                    stage = NEXT_ROW[kind]
                    continue
                stage = "data"
            values = {key: (row[i].strip() if i < len(row) else "") for i, key in enumerate(header)}
            if any(values.values()):
                sheet.first_data_row = sheet.first_data_row or row_number
                yield row_number, values

    sheet.rows = data()
    return sheet
