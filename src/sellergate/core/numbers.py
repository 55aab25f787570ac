"""Whole numbers as people type them in spreadsheets and forms, read one way everywhere
(bulk files, option strings).

Taken: 1980, 1,980 (thousands grouped by three), 1980.0, and their full-width forms
(full-width digits and comma, made ASCII by NFKC). Refused, although Python's ``int()``
takes them and no person means them: 1_980, +1980, Arabic-Indic or other non-ASCII
digits, 1,98,0.
"""

from __future__ import annotations

import re
import unicodedata

WHOLE = re.compile(r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.0*)?")


def parse_whole(value: str) -> int | None:
    """The number ``value`` writes, or None when it is not a whole number so written."""
    text = unicodedata.normalize("NFKC", value).strip()
    if WHOLE.fullmatch(text) is None:
        return None
    return int(text.split(".")[0].replace(",", ""))
