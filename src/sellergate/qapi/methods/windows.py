"""Date windows and row bounds of the order, claim and inquiry lists.

Where the guide is silent: a window may be open at either end (no start: from the
first record; no end: until now), an end given as a bare date includes its whole day,
and a list answers at most ``MAX_ROWS`` rows — more is refused with a message asking
for a narrower window, never cut short without a word (no paging is documented, and a
client that reads a cut list as complete would lose orders).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from sellergate.qapi.codes import ApiError, Result

MAX_ROWS = 10_000


def date_window(
    queryset: QuerySet[Any],
    params: dict[str, Any],
    field: str,
    names: tuple[str, str] = ("search_Sdate", "search_Edate"),
    *,
    max_days: int | None = None,
) -> QuerySet[Any]:
    """Bound ``field`` by the start and end parameters ``names``."""
    start_name, end_name = names
    start, end = params.get(start_name), params.get(end_name)
    if end is not None and end.hour == end.minute == end.second == 0:
        end = end.replace(hour=23, minute=59, second=59)  # a bare date: the whole day
    if start is not None and end is not None and end < start:
        raise ApiError(
            Result.INVALID,
            _("%(end)s is before %(start)s.") % {"end": end_name, "start": start_name},
        )
    if (
        max_days is not None
        and start is not None
        and end is not None
        and end - start > dt.timedelta(days=max_days)
    ):
        raise ApiError(
            Result.INVALID,
            _("%(start)s to %(end)s may span at most %(days)d days.")
            % {"start": start_name, "end": end_name, "days": max_days},
        )
    if start is not None:
        queryset = queryset.filter(**{f"{field}__gte": start})
    if end is not None:
        queryset = queryset.filter(**{f"{field}__lte": end})
    return queryset


def bounded(rows: QuerySet[Any], what: str) -> list[Any]:
    """The rows, or a refusal when there are more than ``MAX_ROWS``."""
    found = list(rows[: MAX_ROWS + 1])
    if len(found) > MAX_ROWS:
        raise ApiError(
            Result.INVALID,
            _("More than %(n)d %(what)s match: ask for a shorter date window.")
            % {"n": MAX_ROWS, "what": what},
        )
    return found
