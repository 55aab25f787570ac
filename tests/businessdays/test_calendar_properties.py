"""Invariants of the business calendar for any date and any set of closures."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from sellergate.businessdays.calendar import BusinessCalendar

JST = ZoneInfo("Asia/Tokyo")

days = st.dates(min_value=dt.date(1960, 1, 1), max_value=dt.date(2098, 12, 1))
times = st.datetimes(
    min_value=dt.datetime(1960, 1, 1),
    max_value=dt.datetime(2098, 12, 1),
    timezones=st.sampled_from([JST, ZoneInfo("UTC"), ZoneInfo("America/Los_Angeles")]),
)


@st.composite
def calendars(draw: st.DrawFn, around: dt.date) -> BusinessCalendar:
    """Closures scattered over the month after ``around``: up to 20 days of it."""
    offsets = draw(st.sets(st.integers(min_value=-5, max_value=30), max_size=20))
    return BusinessCalendar([around + dt.timedelta(days=n) for n in offsets])


def days_between(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days)]


@given(data=st.data(), received_at=times)
def test_due_date_is_the_first_business_day_not_before_receipt(data, received_at) -> None:
    received_on = received_at.astimezone(JST).date()
    cal = data.draw(calendars(received_on))
    due = cal.due_date(received_at)
    assert cal.is_business_day(due)
    assert due >= received_on
    # No business day is skipped between the receipt and the due date.
    assert not any(cal.is_business_day(day) for day in days_between(received_on, due))


@given(data=st.data(), start=days, n=st.integers(min_value=-15, max_value=15))
def test_add_business_days_counts_exactly_n_business_days(data, start, n) -> None:
    cal = data.draw(calendars(start))
    result = cal.add_business_days(start, n)
    assert cal.is_business_day(result)
    if n > 0:
        assert result > start
        between = days_between(start + dt.timedelta(days=1), result + dt.timedelta(days=1))
        assert sum(cal.is_business_day(day) for day in between) == n
    elif n < 0:
        assert result < start
        between = days_between(result, start)
        assert sum(cal.is_business_day(day) for day in between) == -n
    else:
        assert result == cal.next_business_day(start)


@given(data=st.data(), start=days, n=st.integers(min_value=1, max_value=15))
def test_going_forward_then_back_returns_to_a_business_day_start(data, start, n) -> None:
    cal = data.draw(calendars(start))
    first = cal.next_business_day(start)
    assert cal.add_business_days(cal.add_business_days(first, n), -n) == first
