"""Business days: not a weekend, not a Japanese national holiday, not an operator closure.

Holidays come from the ``holidays`` package rather than ``jpholiday``: both compute the
Japanese calendar with substitute (振替休日) and citizens' (国民の休日) holidays, but
``holidays`` is released monthly by a large group of maintainers, so a change in the law
reaches us quickly, and it names each holiday in Japanese and English, which the UI shows.

``BusinessCalendar`` is pure (the closures are handed in) so its invariants can be tested
quickly; the module functions read the operator's closures from the database. All dates
are in the marketplace's time zone (settings.TIME_ZONE, Asia/Tokyo).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import cache

import holidays
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sellergate.core.errors import Refusal

#: No business day within this many days means the closures are wrong, not that the
#: desk is closed for a year: fail loudly instead of looping.
SEARCH_LIMIT_DAYS = 366

ONE_DAY = dt.timedelta(days=1)


class CalendarError(Refusal, ValueError):
    """A date the calendar cannot answer for (outside the holiday tables, no business day
    within a year, a datetime without a time zone)."""

    default_code = "calendar"


@cache
def _japan_holidays(language: str) -> holidays.HolidayBase:
    return holidays.Japan(language=language)


def _check_year(day: dt.date) -> None:
    first, last = holidays.Japan.start_year, holidays.Japan.end_year
    if not first <= day.year <= last:
        raise CalendarError(
            f"{day.isoformat()} is outside the years the Japanese holiday calendar covers "
            f"({first} to {last})."
        )


def holiday_name(day: dt.date, language: str | None = None) -> str | None:
    """The national holiday's name in ``language`` (the active one by default), or None."""
    _check_year(day)
    language = "ja" if (language or get_language() or "ja").startswith("ja") else "en_US"
    return _japan_holidays(language).get(day)


class BusinessCalendar:
    def __init__(
        self,
        closures: Mapping[dt.date, str] | Iterable[dt.date] = (),
        cutoff: dt.time | None = None,
    ) -> None:
        self.closures: dict[dt.date, str] = (
            dict(closures) if isinstance(closures, Mapping) else dict.fromkeys(closures, "")
        )
        # The desk's cut-off (Japan time): what arrives at or after it on a business day
        # counts from the next one, as a desk that stops at 17:00 cannot handle it that day.
        self.cutoff = cutoff

    def closed_because(self, day: dt.date) -> str | None:
        """Why ``day`` is not a business day, in the active language; None if it is one."""
        if day in self.closures:
            return self.closures[day] or _("Closure day")
        if day.weekday() == 5:
            return _("Saturday")
        if day.weekday() == 6:
            return _("Sunday")
        return holiday_name(day)

    def is_business_day(self, day: dt.date) -> bool:
        _check_year(day)
        return day.weekday() < 5 and day not in self.closures and holiday_name(day, "ja") is None

    def _step(self, day: dt.date, step: dt.timedelta) -> dt.date:
        """``day`` if it is a business day, else the nearest one in the direction of ``step``."""
        start = day
        while not self.is_business_day(day):
            day += step
            if abs((day - start).days) > SEARCH_LIMIT_DAYS:
                raise CalendarError(
                    f"No business day within {SEARCH_LIMIT_DAYS} days of {start.isoformat()}: "
                    "check the closure days."
                )
        return day

    def next_business_day(self, day: dt.date) -> dt.date:
        """The first business day on or after ``day``."""
        return self._step(day, ONE_DAY)

    def after_cutoff(self, received_at: dt.datetime) -> bool:
        """Whether ``received_at`` is on a business day at or after the desk's cut-off."""
        if self.cutoff is None:
            return False
        local = timezone.localtime(received_at)
        return self.is_business_day(local.date()) and local.time() >= self.cutoff

    def due_date(self, received_at: dt.datetime) -> dt.date:
        """The day a request received at ``received_at`` is due.

        Received on a business day before the desk's cut-off: that day; at or after it,
        the next business day. On a weekend, a holiday or a closure: the next business
        day (翌営業日).
        """
        if timezone.is_naive(received_at):
            raise CalendarError("received_at must carry a time zone")
        day = timezone.localdate(received_at)
        if self.after_cutoff(received_at):
            day += ONE_DAY
        return self.next_business_day(day)

    def add_business_days(self, day: dt.date, n: int) -> dt.date:
        """The ``n``-th business day after ``day`` (before it when ``n`` is negative).

        ``n == 0`` gives ``day`` itself when it is a business day, else the next one, so
        the answer is always a business day.
        """
        if n == 0:
            return self.next_business_day(day)
        step = ONE_DAY if n > 0 else -ONE_DAY
        for _i in range(abs(n)):
            day = self._step(day + step, step)
        return day


def load_calendar() -> BusinessCalendar:
    """The calendar with the operator's closure days from the database.

    All closures are read: an operator adds a handful a year, so this is one small query.
    """
    from sellergate.businessdays.models import ClosureDay

    return BusinessCalendar(
        dict(ClosureDay.objects.values_list("date", "name")), cutoff=settings.DESK_CUTOFF
    )


def is_business_day(day: dt.date) -> bool:
    return load_calendar().is_business_day(day)


def due_date(received_at: dt.datetime) -> dt.date:
    return load_calendar().due_date(received_at)


def add_business_days(day: dt.date, n: int) -> dt.date:
    return load_calendar().add_business_days(day, n)


def next_business_day(day: dt.date) -> dt.date:
    return load_calendar().next_business_day(day)
