"""Whole numbers as people type them, and what only Python's int() would take."""

from __future__ import annotations

import pytest

from sellergate.bulk.cells import CellError, whole
from sellergate.core.numbers import parse_whole


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1980", 1980),
        ("1,980", 1980),
        ("1,980 ", 1980),
        ("1980.0", 1980),
        ("\uff11\uff19\uff18\uff10", 1980),  # full-width digits
        ("\uff11\uff0c\uff19\uff18\uff10", 1980),  # and the full-width comma
        ("1,234,567", 1234567),
        ("0", 0),
    ],
)
def test_what_spreadsheets_write_is_read(text, number) -> None:
    assert parse_whole(text) == number


@pytest.mark.parametrize(
    "text",
    ["1_980", "+1980", "\u0661\u0669\u0668\u0660", "1,98,0", "19,80", "1980.5", "1e3", "", " "],
)
def test_what_no_person_means_is_refused(text) -> None:
    assert parse_whole(text) is None


def test_a_bulk_cell_takes_nine_digits_and_names_what_it_got() -> None:
    price = whole("price", 1)
    assert price("999,999,999") == {"price": 999_999_999}
    with pytest.raises(CellError):
        price("1,000,000,000")
    with pytest.raises(CellError) as refused:
        price("+1980")
    assert "+1980" in str(refused.value)
