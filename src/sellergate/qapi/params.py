"""Parameters as clients send them: names matched without regard to case, values
parsed to Python, each refusal naming the parameter (``ParamError``).

An empty value counts as not sent, as the marketplace's clients send every parameter
of a method and leave the unused ones empty.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sellergate.qapi.codes import ApiError, Result

#: The marketplace's time: dates in parameters are read, and dates in answers written,
#: as Japan's wall-clock time without an offset (the guide gives none; the marketplace
#: runs in Japan time).
JAPAN = ZoneInfo("Asia/Tokyo")

log = logging.getLogger("sellergate.api")


class ParamError(ApiError):
    """A parameter refused while the call's parameters are read; the message names it."""


@dataclass(frozen=True)
class Param:
    """One parameter of a method: its wire name, type and limits, for parsing and docs."""

    name: str
    type: str = "string"  # string, int, decimal, date, datetime, expiry, start, yn, choice
    required: bool = False
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    help: Promise | str = ""
    # The domain field it fills (FieldErrors about that field name this parameter).
    field: str | None = None
    formats: tuple[str, ...] = ("%Y-%m-%d", "%Y%m%d", "%Y/%m/%d")
    # A string's shape, as the guide gives it (a regular expression), and in words.
    pattern: str | None = None
    pattern_help: Promise | str = ""

    def describe(self) -> str:
        """The limits in words, for the reference docs."""
        parts = [self.type]
        if self.max_length:
            parts.append(_("at most %(n)d characters") % {"n": self.max_length})
        if self.minimum is not None or self.maximum is not None:
            parts.append(
                f"{self.minimum if self.minimum is not None else ''}–"
                f"{self.maximum if self.maximum is not None else ''}"
            )
        if self.choices:
            parts.append(" / ".join(self.choices))
        return ", ".join(parts)

    def parse(self, raw: str) -> Any:
        return PARSERS[self.type](self, raw)


def _invalid(param: Param, what: str) -> ParamError:
    return ParamError(
        Result.INVALID,
        _("%(param)s is not valid: %(what)s") % {"param": param.name, "what": what},
    )


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _string(param: Param, raw: str) -> str:
    if param.max_length is not None and len(raw) > param.max_length:
        raise _invalid(
            param,
            _("at most %(n)d characters (got %(got)d).") % {"n": param.max_length, "got": len(raw)},
        )
    if CONTROL.search(raw):
        # Nothing a person types, and neither XML nor PostgreSQL text can hold them all.
        raise _invalid(param, _("contains a control character (other than tab or newline)."))
    if param.pattern is not None and re.fullmatch(param.pattern, raw.strip()) is None:
        raise _invalid(param, str(param.pattern_help) or param.pattern)
    return raw.strip() if param.pattern is not None else raw


#: A whole number as clients write it: 1200, 1,200, 1200.0 (a decimal "as text" per the
#: guide, with nothing after the point).
WHOLE = re.compile(r"-?[0-9][0-9,]*(?:\.0*)?")


def _int(param: Param, raw: str) -> int:
    text = raw.strip()
    try:
        if WHOLE.fullmatch(text) is None:
            raise ValueError(text)
        value = int(text.split(".")[0].replace(",", ""))
    except ValueError:
        raise _invalid(
            param, _("a whole number is expected (got %(got)r).") % {"got": raw[:30]}
        ) from None
    if param.minimum is not None and value < param.minimum:
        raise _invalid(param, _("at least %(n)d.") % {"n": param.minimum})
    if param.maximum is not None and value > param.maximum:
        raise _invalid(param, _("at most %(n)d.") % {"n": param.maximum})
    return value


def _decimal(param: Param, raw: str) -> decimal.Decimal:
    try:
        value = decimal.Decimal(raw.strip())
    except decimal.InvalidOperation:
        raise _invalid(
            param, _("a number is expected (got %(got)r).") % {"got": raw[:30]}
        ) from None
    if not value.is_finite() or value < 0 or value >= 10**6:
        raise _invalid(param, _("a number from 0 to 999999 is expected."))
    return value.quantize(decimal.Decimal("0.001"))


def _date(param: Param, raw: str) -> dt.date:
    for fmt in param.formats:
        try:
            return dt.datetime.strptime(raw.strip(), fmt).date()
        except ValueError:
            continue
    raise _invalid(
        param, _("a date like 2026-12-01 is expected (got %(got)r).") % {"got": raw[:30]}
    )


def _expiry(param: Param, raw: str) -> dt.date:
    """A last day of sale; ``Null`` (the guide's word for "none") means one year from today,
    in Japan."""
    if raw.strip().lower() == "null":
        today = timezone.localdate(timezone.now(), JAPAN)
        try:
            return today.replace(year=today.year + 1)
        except ValueError:  # 29 February
            return today.replace(year=today.year + 1, day=28)
    return _date(param, raw)


START = re.compile(r"(\d{4}-\d{2}-\d{2})(?: (\d{2}):(\d{2}))?")


def _start(param: Param, raw: str) -> str:
    """When a sale starts: yyyy-mm-dd, or yyyy-mm-dd hh:mm on the hour or half hour."""
    found = START.fullmatch(raw.strip())
    problem = _("yyyy-mm-dd or yyyy-mm-dd hh:mm, the time on the hour or half hour.")
    if found is None:
        raise _invalid(param, problem)
    day, hour, minute = found.groups()
    try:
        dt.date.fromisoformat(day)
        if hour is not None and (int(hour) > 23 or minute not in ("00", "30")):
            raise ValueError(raw)
    except ValueError:
        raise _invalid(param, problem) from None
    return raw.strip()


def _datetime(param: Param, raw: str) -> dt.datetime:
    """yyyyMMdd or yyyyMMddHHmmss (and the dashed forms), Japan time."""
    text = raw.strip().replace("-", "").replace(":", "").replace(" ", "")
    for fmt in ("%Y%m%d%H%M%S", "%Y%m%d"):
        try:
            naive = dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        return timezone.make_aware(naive, JAPAN)
    raise _invalid(
        param, _("yyyyMMdd or yyyyMMddHHmmss is expected (got %(got)r).") % {"got": raw[:30]}
    )


def _yn(param: Param, raw: str) -> bool:
    value = raw.strip().upper()
    if value not in ("Y", "N"):
        raise _invalid(param, _("Y or N."))
    return value == "Y"


def _choice(param: Param, raw: str) -> str:
    """One of the codes, in any case (clients send ``ja`` and ``JA``, ``s2`` and ``S2``);
    the code as the guide spells it."""
    value = raw.strip().upper()
    for choice in param.choices:
        if choice.upper() == value:
            return choice
    raise _invalid(param, _("one of %(choices)s.") % {"choices": ", ".join(param.choices)})


PARSERS: dict[str, Callable[[Param, str], Any]] = {
    "string": _string,
    "int": _int,
    "decimal": _decimal,
    "date": _date,
    "datetime": _datetime,
    "expiry": _expiry,
    "start": _start,
    "yn": _yn,
    "choice": _choice,
}

REQUIRED_MESSAGE = gettext_lazy("%(param)s is required.")


def parse(params: tuple[Param, ...], given: Mapping[str, str]) -> dict[str, Any]:
    """The method's parameters from ``given`` (keys already lower-cased), by wire name."""
    values: dict[str, Any] = {}
    for param in params:
        raw = None
        for name in (param.name, *param.aliases):
            if given.get(name.lower(), "") != "":
                raw = given[name.lower()]
                break
        if raw is None:
            if param.required:
                raise ParamError(Result.REQUIRED, str(REQUIRED_MESSAGE) % {"param": param.name})
            continue
        values[param.name] = param.parse(raw)
    return values


#: How deep a JSON parameter may nest: a list of rows, each an object of plain values,
#: is two levels; one more is allowed for a value that is itself a list.
JSON_DEPTH = 3


def _json_depth(text: str) -> int:
    """The deepest nesting of ``[``/``{`` outside strings, in one pass (no parsing: a
    deeply nested value must be refused before the parser recurses into it)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def json_rows(name: str, text: str, *, max_rows: int) -> list[dict[str, Any]]:
    """A JSON parameter that holds rows (``ItemInfoJson``…): a list of objects, at most
    ``max_rows``, nested at most ``JSON_DEPTH`` levels. Anything else is refused with a
    message naming the parameter (and a too-deep one is logged: no client sends one)."""
    depth = _json_depth(text)
    if depth > JSON_DEPTH:
        log.warning("API parameter %s nested %d levels deep: refused", name, depth)
        raise ParamError(
            Result.INVALID,
            _("%(param)s is nested %(depth)d levels deep; a list of objects is 2.")
            % {"param": name, "depth": depth},
        )
    try:
        rows = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        reason = error.msg if isinstance(error, json.JSONDecodeError) else "too deep"
        raise ParamError(
            Result.INVALID, _("%(param)s is not JSON: %(error)s") % {"param": name, "error": reason}
        ) from None
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise ParamError(
            Result.INVALID, _("%(param)s must be a JSON array of objects.") % {"param": name}
        )
    if len(rows) > max_rows:
        raise ParamError(
            Result.INVALID,
            _("%(param)s has %(n)d rows; at most %(max)d.")
            % {"param": name, "n": len(rows), "max": max_rows},
        )
    return rows
