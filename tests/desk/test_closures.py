"""Closure days kept from the desk: a run of days closed, one opened again after asking,
each change audited, and the due dates follow."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.urls import reverse

from sellergate.accounts.desk_roles import OPERATORS
from sellergate.audit.models import AuditEvent
from sellergate.businessdays.calendar import load_calendar
from sellergate.businessdays.models import ClosureDay
from tests.factories import OperatorFactory, SellerUserFactory

pytestmark = pytest.mark.django_db
JST = ZoneInfo("Asia/Tokyo")


def _log_in(client):
    operator = OperatorFactory()
    operator.groups.add(Group.objects.get(name=OPERATORS))  # as the demo's and the install's
    client.force_login(operator)
    return client


@pytest.fixture
def desk(client):
    return _log_in(client)


@time_machine.travel(dt.datetime(2026, 12, 21, 10, 0, tzinfo=JST), tick=False)
def test_a_run_of_days_is_closed_and_due_dates_follow(client) -> None:
    desk = _log_in(client)  # on the day travelled to: a session is not kept for weeks
    url = reverse("desk:closures")
    assert "data-closure=" not in desk.get(url).content.decode()
    response = desk.post(url, {"first": "2026-12-29", "last": "2027-01-03", "name": "年末年始"})
    assert response.status_code == 302
    closed = list(ClosureDay.objects.values_list("date", flat=True))
    assert closed == [dt.date(2026, 12, 29) + dt.timedelta(days=n) for n in range(6)]
    assert AuditEvent.objects.filter(action="closure.add").count() == 6
    page = desk.get(url).content.decode()
    assert page.count("data-closure=") == 6
    evening = dt.datetime(2026, 12, 28, 18, 0, tzinfo=JST)  # Monday, after the cut-off
    assert load_calendar().due_date(evening) == dt.date(2027, 1, 4)
    again = desk.post(url, {"first": "2026-12-31", "name": "年末年始"})  # already closed
    assert again.status_code == 302
    assert ClosureDay.objects.count() == 6


def test_bad_ranges_are_refused_with_the_field_named(desk) -> None:
    url = reverse("desk:closures")
    backwards = desk.post(url, {"first": "2027-01-03", "last": "2026-12-29", "name": "x"})
    assert "終了日が開始日より前になっています" in backwards.content.decode()
    year = desk.post(url, {"first": "2027-01-01", "last": "2027-12-31", "name": "x"})
    assert "一度に31日までです" in year.content.decode()
    assert ClosureDay.objects.count() == 0


def test_opening_a_day_again_asks_first(desk) -> None:
    desk.post(reverse("desk:closures"), {"first": "2027-05-06", "name": "振替休業"})
    closure = ClosureDay.objects.get()
    url = reverse("desk:closure_delete", args=[closure.pk])
    asked = desk.post(url)
    assert asked.status_code == 200
    assert "2027-05-06" in asked.content.decode()
    assert ClosureDay.objects.exists()
    desk.post(url, {"confirmed": "yes"})
    assert not ClosureDay.objects.exists()
    assert AuditEvent.objects.filter(action="closure.remove").count() == 1


def test_an_operator_without_the_permission_changes_nothing(client) -> None:
    client.force_login(OperatorFactory())  # in no group: no permission on closure days
    response = client.post(reverse("desk:closures"), {"first": "2027-05-06", "name": "x"})
    assert response.status_code == 302
    assert not ClosureDay.objects.exists()


def test_a_seller_never_reaches_the_closure_days(client) -> None:
    client.force_login(SellerUserFactory())
    assert client.get(reverse("desk:closures")).status_code == 302
