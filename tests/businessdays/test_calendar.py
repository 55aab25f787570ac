"""The business calendar on real dates of 2026/2027, with and without closures."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from sellergate.businessdays import calendar
from sellergate.businessdays.calendar import BusinessCalendar, CalendarError
from sellergate.businessdays.models import ClosureDay
from sellergate.businessdays.services import closure_add_range, closure_remove

JST = ZoneInfo("Asia/Tokyo")
D = dt.date.fromisoformat


def at(day: str, time: str = "09:00", tz: ZoneInfo = JST) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=tz)


plain = BusinessCalendar()


@pytest.mark.parametrize(
    ("day", "business"),
    [
        ("2026-11-20", True),  # Friday
        ("2026-11-21", False),  # Saturday
        ("2026-11-22", False),  # Sunday
        ("2026-11-23", False),  # 勤労感謝の日, a Monday
        ("2026-11-24", True),
        ("2026-05-06", False),  # 振替休日 for 5/3 falling on a Sunday
        ("2026-09-21", False),  # 敬老の日
        ("2026-09-22", False),  # 国民の休日, between two holidays
        ("2026-09-23", False),  # 秋分の日
        ("2026-09-24", True),
        ("2026-04-29", False),  # 昭和の日
        ("2026-04-30", True),
        ("2026-05-01", True),
        ("2027-01-01", False),  # 元日
    ],
)
def test_is_business_day_on_real_dates(day: str, business: bool) -> None:
    assert plain.is_business_day(D(day)) is business


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (at("2026-11-20"), "2026-11-20"),  # 09:00 on a business day: that day
        (at("2026-11-20", "23:59"), "2026-11-20"),
        (at("2026-11-21"), "2026-11-24"),  # Saturday → past Sunday and the Monday holiday
        (at("2026-11-23"), "2026-11-24"),  # 勤労感謝の日
        (at("2026-05-02"), "2026-05-07"),  # Golden Week: Sat, Sun, 5/4, 5/5, 5/6 (振替休日)
        (at("2026-05-06"), "2026-05-07"),
        (at("2026-04-29"), "2026-04-30"),
        (at("2026-09-19"), "2026-09-24"),  # Silver Week: 9/21, 9/22 (国民の休日), 9/23
        (at("2026-09-22"), "2026-09-24"),
    ],
)
def test_due_date_on_real_dates(received: dt.datetime, due: str) -> None:
    assert plain.due_date(received) == D(due)


def test_due_date_uses_japan_time_not_the_callers_zone() -> None:
    # Friday 15:30 UTC is already Saturday 00:30 in Tokyo.
    received = at("2026-11-20", "15:30", ZoneInfo("UTC"))
    assert plain.due_date(received) == D("2026-11-24")
    # Sunday 23:30 in New York is Monday 13:30 in Tokyo, a holiday (2026-11-23).
    received = at("2026-11-22", "23:30", ZoneInfo("America/New_York"))
    assert plain.due_date(received) == D("2026-11-24")


def test_due_date_refuses_a_naive_datetime() -> None:
    with pytest.raises(CalendarError, match="time zone"):
        plain.due_date(dt.datetime(2026, 11, 20, 9, 0))


def test_dates_outside_the_holiday_tables_are_refused() -> None:
    with pytest.raises(CalendarError, match="outside the years"):
        plain.is_business_day(D("2100-01-04"))


def test_add_business_days() -> None:
    assert plain.add_business_days(D("2026-11-20"), 1) == D("2026-11-24")
    assert plain.add_business_days(D("2026-11-24"), -1) == D("2026-11-20")
    assert plain.add_business_days(D("2026-04-28"), 3) == D("2026-05-07")  # across Golden Week
    assert plain.add_business_days(D("2026-05-07"), -3) == D("2026-04-28")
    assert plain.add_business_days(D("2026-11-21"), 0) == D("2026-11-24")
    assert plain.add_business_days(D("2026-11-20"), 0) == D("2026-11-20")
    assert plain.add_business_days(D("2026-11-20"), 5) == D("2026-11-30")


def test_closed_because_names_the_reason_in_the_active_language() -> None:
    closures = BusinessCalendar({D("2026-12-29"): "年末年始"})
    with translation.override("ja"):
        assert closures.closed_because(D("2026-11-23")) == "勤労感謝の日"
        assert closures.closed_because(D("2026-11-21")) == "土曜日"
        assert closures.closed_because(D("2026-12-29")) == "年末年始"
        assert closures.closed_because(D("2026-11-24")) is None
    with translation.override("en"):
        assert closures.closed_because(D("2026-11-23")) == "Labor Thanksgiving Day"
        assert closures.closed_because(D("2026-05-06")) == "Substitute Holiday"


def test_a_calendar_with_no_business_day_fails_loudly() -> None:
    start = D("2026-01-01")
    closed = BusinessCalendar([start + dt.timedelta(days=n) for n in range(400)])
    with pytest.raises(CalendarError, match="check the closure days"):
        closed.next_business_day(start)


@pytest.mark.django_db
class TestOperatorClosures:
    """The year-end closure 12-29 … 01-03, kept in the database by the operator."""

    @pytest.fixture
    def year_end(self, actor):
        return closure_add_range(
            actor=actor, first=D("2026-12-29"), last=D("2027-01-03"), name="年末年始"
        )

    def test_closure_days_are_not_business_days(self, year_end) -> None:
        assert len(year_end) == 6
        assert calendar.is_business_day(D("2026-12-28"))
        for closure in year_end:
            assert not calendar.is_business_day(closure.date)
        # 2026-12-29 (Tue) would be a business day without the closure.
        assert BusinessCalendar().is_business_day(D("2026-12-29"))

    def test_due_date_crosses_into_the_next_year(self, year_end) -> None:
        assert calendar.due_date(at("2026-12-28", "16:59")) == D("2026-12-28")
        # At the desk's cut-off (17:00 by default) the last day before the closure is over.
        assert calendar.due_date(at("2026-12-28", "17:00")) == D("2027-01-04")
        assert calendar.due_date(at("2026-12-29")) == D("2027-01-04")
        assert calendar.due_date(at("2026-12-31", "23:00")) == D("2027-01-04")
        assert calendar.add_business_days(D("2026-12-25"), 2) == D("2027-01-04")
        assert calendar.add_business_days(D("2027-01-04"), -1) == D("2026-12-28")
        assert calendar.next_business_day(D("2027-01-01")) == D("2027-01-04")

    def test_adding_a_range_twice_adds_nothing_more(self, year_end, actor) -> None:
        assert (
            closure_add_range(actor=actor, first=D("2026-12-28"), last=D("2027-01-03"), name="x")
            != []
        )
        assert ClosureDay.objects.count() == 7

    def test_removing_a_closure_reopens_the_day(self, year_end, actor) -> None:
        closure_remove(actor=actor, closure=ClosureDay.objects.get(date=D("2026-12-29")))
        assert calendar.is_business_day(D("2026-12-29"))
        assert calendar.due_date(at("2026-12-29")) == D("2026-12-29")

    def test_every_change_is_audited(self, year_end, actor) -> None:
        from sellergate.audit.models import AuditEvent

        closure_remove(actor=actor, closure=year_end[0])
        actions = list(AuditEvent.objects.order_by("id").values_list("action", flat=True))
        assert actions == ["closure.add"] * 6 + ["closure.remove"]

    def test_a_reversed_range_is_refused(self, actor) -> None:
        with pytest.raises(ValueError, match="comes before"):
            closure_add_range(actor=actor, first=D("2027-01-03"), last=D("2026-12-29"), name="x")
        assert not ClosureDay.objects.exists()


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (("2026-11-30", "16:59"), "2026-11-30"),  # Monday, before the cut-off
        (("2026-11-30", "17:00"), "2026-12-01"),  # at it: the next business day
        (("2026-11-27", "18:30"), "2026-11-30"),  # Friday evening: Monday
        (("2026-11-20", "17:30"), "2026-11-24"),  # Friday before 勤労感謝の日 (Mon 23rd)
        (("2026-11-28", "18:00"), "2026-11-30"),  # Saturday: no cut-off, the next business day
    ],
)
def test_what_arrives_after_the_cut_off_is_due_the_next_business_day(received, due) -> None:
    desk = BusinessCalendar(cutoff=dt.time(17, 0))
    assert desk.due_date(at(*received)) == D(due)
    assert plain.due_date(at(*received)) == plain.next_business_day(D(received[0]))


def test_the_cut_off_is_a_setting_and_empty_means_none(monkeypatch) -> None:
    import subprocess
    import sys

    def cutoff(value: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", "from sellergate import settings; print(settings.DESK_CUTOFF)"],
            env={**__import__("os").environ, "SELLERGATE_DESK_CUTOFF": value},
            capture_output=True,
            text=True,
            timeout=60,
        )

    assert cutoff("18:30").stdout.strip() == "18:30:00"
    assert cutoff("").stdout.strip() == "None"
    wrong = cutoff("5pm")
    assert wrong.returncode != 0
    assert "SELLERGATE_DESK_CUTOFF" in wrong.stderr
