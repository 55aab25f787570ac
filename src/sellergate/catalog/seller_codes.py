"""One form of a seller's item code (販売者商品コード), wherever it comes in.

The marketplace's guide says nothing of width or case. Sellers type codes in
spreadsheets and systems that mix full-width and half-width forms (DUP-4 typed in
full-width letters and digits, half-width katakana for アイウ), and nobody means two
items by them: a code is kept
in its NFKC form, so the forms a person cannot tell apart are one code, in files, in
the API and under the database's unique (seller, code) constraint alike. Case is kept:
``dup-4`` and ``DUP-4`` are two codes, as integrations that generate codes may use case
to tell items apart, and a merge cannot be undone.
"""

from __future__ import annotations

import unicodedata


def normal(code: str) -> str:
    """``code`` as it is stored and looked up: NFKC, without surrounding spaces."""
    return unicodedata.normalize("NFKC", code).strip()
