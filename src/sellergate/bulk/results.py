"""The result file of a bulk job: one line per input row, beside the upload.

Named after the input, a timestamp and the job (``商品一括.20261130100512.j42.csv``): the
job number keeps two uploads of one name in one second apart, and a long name is cut
(with a hash of the whole) so that the result's name stays within what file systems
store (255 bytes). In the input's own encoding family — Shift_JIS in, Shift_JIS out
(characters it cannot hold become "?"), otherwise UTF-8 with a BOM so that Excel opens
it as UTF-8. Messages are given in Japanese and in English.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import os
from pathlib import Path
from typing import IO

from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from sellergate.bulk.models import BulkJob
from sellergate.bulk.rows import Outcome
from sellergate.core import paths
from sellergate.core.csvsafe import SafeWriter

HEADER = (
    "row",
    "status",
    "action",
    "item_number",
    "seller_unique_item_id",
    "column",
    "message_ja",
    "message_en",
)


def both_languages(message: object) -> tuple[str, str]:
    texts = []
    for language in ("ja", "en"):
        with translation.override(language):
            texts.append(str(message))
    return texts[0], texts[1]


#: The longest stem kept in a result's name, in UTF-8 bytes; with ".<stamp>.j<id>.csv"
#: and a hash the name stays far below the 255 bytes file systems allow.
STEM_BYTES = 120


def bounded_stem(name: str) -> str:
    stem = Path(name).stem or "upload"
    encoded = stem.encode("utf-8")
    if len(encoded) <= STEM_BYTES:
        return stem
    digest = hashlib.sha256(encoded).hexdigest()[:8]
    return encoded[:STEM_BYTES].decode("utf-8", "ignore") + "~" + digest


def result_path(job: BulkJob) -> Path:
    stem = bounded_stem(job.file_name)
    stamp = timezone.localtime().strftime("%Y%m%d%H%M%S")
    if job.source == "ftp":
        folder = paths.ftp_results_folder(Path(job.source_path or job.stored_path))
    else:
        folder = paths.web_results_folder(job.seller.login_id)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{stem}.{stamp}.j{job.pk}.csv"


class ResultWriter:
    """Lines are buffered per batch and written by ``flush``, which returns where the file
    then ends; the processor commits that offset with the batch. Reopened at a committed
    offset, the file is cut there first, so lines of a batch that never committed go."""

    def __init__(self, path: Path, input_encoding: str, *, offset: int = 0) -> None:
        self.path = path
        self.encoding = "cp932" if input_encoding == "cp932" else "utf-8"
        self._raw: IO[bytes] = path.open("r+b" if path.exists() else "w+b")
        self._raw.truncate(offset)
        self._raw.seek(offset)
        self._buffer = io.StringIO()
        self._csv = SafeWriter(self._buffer)  # a seller code may be "=HYPERLINK(…)"
        if offset == 0:
            if self.encoding == "utf-8":
                self._raw.write(codecs.BOM_UTF8)  # so that Excel reads it as UTF-8
            self._csv.writerow(HEADER)
            self.flush()

    def flush(self) -> int:
        data = self._buffer.getvalue().encode(self.encoding, errors="replace")
        self._buffer.seek(0)
        self._buffer.truncate()
        self._raw.write(data)
        self._raw.flush()
        os.fsync(self._raw.fileno())
        return self._raw.tell()

    def skipped(self, row: int, why: str) -> None:
        self._csv.writerow((row, "SKIPPED", "", "", "", "", *both_languages(SKIP_REASONS[why])))

    def outcome(self, row: int, outcome: Outcome) -> None:
        base = (
            row,
            outcome.status.upper(),
            outcome.action,
            outcome.item_code,
            outcome.seller_code,
        )
        if not outcome.problems:
            self._csv.writerow((*base, "", "", ""))
        for problem in outcome.problems:
            self._csv.writerow((*base, problem.column, *both_languages(problem.error)))

    def layout(self, template: str, rows: list[tuple[int, str]], first_data_row: int) -> None:
        """One line saying which template's rows were recognised and where data began
        (the label, requirement and guidance rows are passed over without a line each)."""
        if not rows:
            return
        texts = []
        for language in ("ja", "en"):
            with translation.override(language):
                named = ", ".join(f"{number}: {ROW_NAMES[why]}" for number, why in rows)
                whose = TEMPLATE_NAMES.get(template, TEMPLATE_NAMES["sellergate"])
                texts.append(
                    str(_("%(whose)s recognised (rows %(rows)s); data from row %(first)s."))
                    % {"whose": whose, "rows": named, "first": first_data_row or "-"}
                )
        self._csv.writerow(("", "TEMPLATE", "", "", "", "", *texts))

    def refused(self, message: object) -> None:
        self._csv.writerow(("", "REFUSED", "", "", "", "", *both_languages(message)))

    def close(self) -> None:
        self.flush()
        self._raw.close()

    def abandon(self) -> None:
        """Close without writing the lines of a batch that did not commit."""
        self._raw.close()


TEMPLATE_NAMES = {
    "sellergate": _("sellergate's template"),
    "marketplace": _("The marketplace's template"),
}
ROW_NAMES = {
    "labels": _("labels"),
    "requirements": _("requirement markers"),
    "guidance": _("guidance"),
    "example": _("example"),
}
SKIP_REASONS = {
    "labels": _("The template's row of Japanese labels."),
    "requirements": _("The template's row of 必須入力/選択入力."),
    "guidance": _("The template's guidance row."),
    "example": _(
        "The template's own example product, not processed: if it is a product of yours, "
        "change it (or write your products from the next row)."
    ),
}
