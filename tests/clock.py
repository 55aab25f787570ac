"""One clock for the whole test suite.

Every test runs at a known instant: the suite's instant (``DEFAULT``, a business-day
morning in Japan, unless ``--clock`` or ``SELLERGATE_TEST_CLOCK`` moves it), or the
instant its ``@pytest.mark.clock(...)`` names. Time ticks on from there (``tick=False`` in
the marker freezes it), so timeouts and sleeps behave as they do outside tests.

``--clock=wall`` (or ``now``) runs the unmarked tests at the machine's real clock, which
is how CI proves that no test depends on the day it is run; ``.ci/run`` also runs the
date-sensitive packages at a weekend, a holiday, the year's last half hour and a leap day.

A test that needs a kind of day (a business day, a weekend, a holiday) says so with the
marker: that is the only way a test depends on the calendar. Factories and tests derive
their dates from ``timezone.now()``, never from a second source of time.

Processes that tests start (``tests.processes.environment``) run at the test's clock
too, and so do the processes they start (``tests/clockwork/sitecustomize.py``), so a
worker, a job's process or an FTP server agrees with the test on what "today" is.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
import time_machine

JST = ZoneInfo("Asia/Tokyo")

#: The suite's instant: Monday 2026-11-30 10:00 in Japan, a business day's morning.
DEFAULT = dt.datetime(2026, 11, 30, 10, 0, tzinfo=JST)

#: ``--clock`` values that mean "the machine's real clock".
WALL = frozenset({"wall", "now"})

ENV = "SELLERGATE_TEST_CLOCK"


def parse(value: str | dt.datetime) -> dt.datetime:
    """An instant from ``2027-05-03T09:00+09:00`` or a datetime; naive means Japan time."""
    instant = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)
    return instant if instant.tzinfo else instant.replace(tzinfo=JST)


@dataclass(frozen=True)
class Clock:
    """The instant a test started at (None: the wall clock) and its traveller, if any."""

    start: dt.datetime | None
    traveller: time_machine.Coordinates | None

    def shift(self, delta: dt.timedelta) -> None:
        if self.traveller is None:
            raise RuntimeError("the test runs on the wall clock: it cannot shift time")
        self.traveller.shift(delta)

    def move_to(self, instant: dt.datetime) -> None:
        if self.traveller is None:
            raise RuntimeError("the test runs on the wall clock: it cannot move time")
        self.traveller.move_to(instant)


def addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--clock",
        default=os.environ.get(ENV, ""),
        help=(
            "the instant unmarked tests run at: an ISO date-time (naive = Japan time), or "
            f"'wall' for the machine's clock; default {DEFAULT.isoformat()} "
            f"(also ${ENV})"
        ),
    )


def suite_instant(config: pytest.Config) -> dt.datetime | None:
    value = (config.getoption("--clock") or "").strip()
    if not value:
        return DEFAULT
    if value.lower() in WALL:
        return None
    try:
        return parse(value)
    except ValueError:
        raise pytest.UsageError(
            f"--clock={value!r} is not an ISO date-time (e.g. 2027-05-03T09:00+09:00) nor 'wall'"
        ) from None


def report_header(config: pytest.Config) -> str:
    instant = suite_instant(config)
    return f"clock: {instant.isoformat() if instant else 'wall'} (unmarked tests)"


def travel(request: pytest.FixtureRequest) -> Iterator[Clock]:
    """The body of the autouse fixture: the marker's instant, else the suite's."""
    marker = request.node.get_closest_marker("clock")
    if marker is not None:
        instant: dt.datetime | None = parse(marker.args[0])
        tick = marker.kwargs.get("tick", True)
    else:
        instant = suite_instant(request.config)
        tick = True
    if instant is None:
        yield Clock(start=None, traveller=None)
        return
    with time_machine.travel(instant, tick=tick) as traveller:
        yield Clock(start=instant, traveller=traveller)
