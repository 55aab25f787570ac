"""An XLSX is a zip archive: its parts are checked before openpyxl reads any of them.

A workbook of 1 MB can unpack into gigabytes (a "zip bomb": 315 MB of shared strings,
or 1.1 GB of empty ``<row/>`` elements, took a worker to 958 MB and 21 GB before). So
the archive's directory is read first and the file is refused, with the reason, when it
has too many parts, a part or the whole is larger unpacked than an honest workbook, or
a large part unpacks far more than XML compresses.

Python's zipfile never returns more than a part's declared size (and checks the CRC), so
the declared sizes checked here bound what openpyxl can read whatever the archive
claims. Limits are settings (``SELLERGATE_BULK_XLSX_*``), their defaults sized from
honest files: openpyxl writes 100 000 template rows as a 3.6 MB workbook whose sheet
unpacks to 49.6 MB (ratio 13.9), so a million rows unpack to about 0.5 GB; Excel's
shared strings make the sheet smaller still.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sellergate.core.errors import TranslatableError

#: Parts smaller than this unpacked are not held to the ratio (small XML varies a lot).
RATIO_FROM_BYTES = 1024 * 1024
MB = 1024 * 1024


class ArchiveRejected(TranslatableError):
    """The workbook's archive is not one sellergate will unpack; the message says why."""


def check_xlsx(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError):
        raise ArchiveRejected(
            _(
                "The file starts like an Excel workbook but is damaged (it cannot be opened "
                "as .xlsx). Save it again from Excel, or save it as CSV."
            )
        ) from None
    if len(parts) > settings.BULK_XLSX_MAX_ENTRIES:
        raise ArchiveRejected(
            _(
                "The workbook has %(parts)d parts; at most %(limit)d are accepted. Save only "
                "the template's sheet, without pictures or other sheets."
            ),
            parts=len(parts),
            limit=settings.BULK_XLSX_MAX_ENTRIES,
        )
    total = 0
    for part in parts:
        total += part.file_size
        if part.file_size > settings.BULK_XLSX_MAX_PART_BYTES:
            raise _too_large(part.filename, part.file_size, settings.BULK_XLSX_MAX_PART_BYTES)
        ratio = part.file_size / max(1, part.compress_size)
        if part.file_size >= RATIO_FROM_BYTES and ratio > settings.BULK_XLSX_MAX_RATIO:
            raise ArchiveRejected(
                _(
                    "The workbook's part %(part)s unpacks to %(ratio)d times its packed size "
                    "(at most %(limit)d); a filled-in template does not. Save the rows again "
                    "in a new copy of the template, or as CSV."
                ),
                part=part.filename,
                ratio=int(ratio),
                limit=settings.BULK_XLSX_MAX_RATIO,
            )
    if total > settings.BULK_XLSX_MAX_TOTAL_BYTES:
        raise _too_large(_("the whole workbook"), total, settings.BULK_XLSX_MAX_TOTAL_BYTES)


def _too_large(part: object, size: int, limit: int) -> ArchiveRejected:
    return ArchiveRejected(
        _(
            "The workbook is too large unpacked: %(part)s is %(size)d MB, at most %(limit)d "
            "MB is accepted. Split the rows into several files."
        ),
        part=part,
        size=size // MB,
        limit=limit // MB,
    )
