"""Reading one cell of a bulk file into catalog values, or refusing it with a reason.

Each reader takes the cell's text (already stripped; never empty — an empty cell means
"not given" and never reaches a reader) and returns the catalog fields it sets. A
refusal is a ``CellError`` whose message is lazy, so the result file can carry it in
Japanese and in English.
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy as _

from sellergate.catalog import options as catalog_options
from sellergate.catalog.errors import CatalogError
from sellergate.core.errors import TranslatableError
from sellergate.core.numbers import parse_whole

Reader = Callable[[str], dict[str, Any]]


class CellError(TranslatableError):
    """Why one cell was refused."""


def fields(*names: str) -> Callable[[Reader], Reader]:
    """Mark a reader with the catalog fields it sets, so a refusal about a field can name
    the column it came from."""

    def mark(read: Reader) -> Reader:
        read.fields = names  # type: ignore[attr-defined]
        return read

    return mark


def text(field: str, max_length: int) -> Reader:
    @fields(field)
    def read(value: str) -> dict[str, Any]:
        if len(value) > max_length:
            raise CellError(
                _("At most %(n)d characters (this has %(got)d)."), n=max_length, got=len(value)
            )
        return {field: value}

    return read


#: The guide's limit for a price: 9 digits.
MAX_WHOLE = 999_999_999


def whole(field: str, minimum: int = 0, maximum: int = MAX_WHOLE) -> Reader:
    @fields(field)
    def read(value: str) -> dict[str, Any]:
        number = parse_whole(value)
        if number is None:
            raise CellError(
                _("A whole number is expected (like 1980 or 1,980), not %(value)s."),
                value=value[:30],
            )
        if not minimum <= number <= maximum:
            raise CellError(_("From %(min)d to %(max)d."), min=minimum, max=maximum)
        return {field: number}

    return read


def date(field: str) -> Reader:
    @fields(field)
    def read(value: str) -> dict[str, Any]:
        return {field: parse_date(value)}

    return read


START = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[ T]([0-9]{2}):(00|30)(?::00)?)?")


@fields("extra.start_date")
def start_date(value: str) -> dict[str, Any]:
    """When the sale starts, as the API's StartDate keeps it: a date, or a date and a time
    on the hour or half hour (an XLSX date cell arrives as YYYY-MM-DD)."""
    found = START.fullmatch(value.replace("/", "-"))
    try:
        if found is None:
            raise ValueError(value)
        day = dt.date.fromisoformat(found.group(1))
        if found.group(2) is not None and int(found.group(2)) > 23:
            raise ValueError(value)
    except ValueError:
        raise CellError(
            _("A date like 2026-12-31, or 2026-12-31 10:30 (on the hour or half hour).")
        ) from None
    if found.group(2) is None:
        return {"extra.start_date": day.isoformat()}
    return {"extra.start_date": f"{day.isoformat()} {found.group(2)}:{found.group(3)}"}


def parse_date(value: str) -> dt.date:
    for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise CellError(_("A date like 2026-12-31 is expected, not %(value)s."), value=value[:30])


def choice(field: str, mapping: dict[str, Any]) -> Reader:
    @fields(field)
    def read(value: str) -> dict[str, Any]:
        key = value.upper() if value.upper() in mapping else value
        if key not in mapping:
            raise CellError(_("One of %(choices)s."), choices=", ".join(mapping))
        return {field: mapping[key]}

    return read


def joined(field: str, most: int, each: int) -> Reader:
    """Values joined by $$, as the marketplace's templates join lists."""

    @fields(field)
    def read(value: str) -> dict[str, Any]:
        parts = [p.strip() for p in value.split("$$") if p.strip()]
        if len(parts) > most:
            raise CellError(
                _("At most %(n)d values joined by $$ (this has %(got)d)."), n=most, got=len(parts)
            )
        if any(len(p) > each for p in parts):
            raise CellError(_("Each value is at most %(n)d characters."), n=each)
        return {field: parts}

    return read


def kept(key: str, max_length: int = 4000) -> Reader:
    """A column the catalog keeps as it is (under ``Product.extra``)."""

    @fields("extra")
    def read(value: str) -> dict[str, Any]:
        if len(value) > max_length:
            raise CellError(
                _("At most %(n)d characters (this has %(got)d)."), n=max_length, got=len(value)
            )
        return {f"extra.{key}": value}

    return read


@fields("weight")
def decimal_kg(value: str) -> dict[str, Any]:
    try:
        weight = decimal.Decimal(value)
    except decimal.InvalidOperation:
        raise CellError(
            _("A number of kilograms is expected, not %(value)s."), value=value[:30]
        ) from None
    if not weight.is_finite() or not 0 <= weight < 1000:
        raise CellError(_("From 0 to 999.999 kg."))
    return {"weight": weight.quantize(decimal.Decimal("0.001"))}


SAME_DAY = re.compile(r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$")  # ASCII digits only


@fields("available_date_type", "available_date_value")
def available_shipping_date(value: str) -> dict[str, Any]:
    """1–3 (days), hh:mm (same day until), 4–14 (made to order, days) or YYYY-MM-DD."""
    if SAME_DAY.match(value):
        hours, minutes = value.split(":")
        return {"available_date_type": 1, "available_date_value": f"{int(hours):02d}:{minutes}"}
    if value.isascii() and value.isdigit():
        days = int(value)
        if 1 <= days <= 3:
            return {"available_date_type": 0, "available_date_value": str(days)}
        if 4 <= days <= 14:
            return {"available_date_type": 2, "available_date_value": str(days)}
    try:
        day = parse_date(value)
    except CellError:
        pass
    else:
        return {"available_date_type": 3, "available_date_value": day.isoformat()}
    raise CellError(_("1 to 3 (days), hh:mm, 4 to 14 (days) or a date YYYY-MM-DD."))


@fields("additional_option")
def additional_options(value: str) -> dict[str, Any]:
    """additional_option_info, by the catalog's reading (as the API's AdditionalOption):
    name||*value||*price[||*code] rows; at most 3 names with 20 values each."""
    try:
        catalog_options.parse_additional(value)
    except CatalogError as refusal:
        raise CellError(refusal.message) from None
    return {"additional_option": value}


@fields("options")
def options(value: str) -> dict[str, Any]:
    """option_info, by the catalog's one reading of it (``catalog.options``): rows joined by
    $$ of name||*value||*price||*stock||*code, or two levels of names and values."""
    try:
        return {"options": catalog_options.parse_inventory(value)}
    except CatalogError as refusal:
        raise CellError(refusal.message) from None
