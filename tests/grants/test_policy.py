"""The automatic approval policy: off by default, never on a non-business day."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from sellergate.access.models import RequestStatus
from sellergate.audit.models import AuditEvent
from sellergate.grants.services import policy_run
from tests.factories import LateOrderFactory, SellerFactory, access_request

JST = ZoneInfo("Asia/Tokyo")
MONDAY = dt.datetime(2026, 11, 30, 10, 0, tzinfo=JST)

# The decisions are taken at these instants; the records are made on that Monday.
pytestmark = [pytest.mark.django_db, pytest.mark.clock(MONDAY)]
SATURDAY = dt.datetime(2026, 11, 28, 10, 0, tzinfo=JST)


@pytest.fixture
def policy_on(settings):
    settings.AUTO_APPROVE = True


def test_off_by_default_every_request_waits_for_the_desk() -> None:
    assert access_request(SellerFactory(), now=MONDAY).status == RequestStatus.SUBMITTED


def test_a_clear_request_on_a_business_day_is_approved_by_the_policy(policy_on) -> None:
    request = access_request(SellerFactory(), now=MONDAY)
    assert request.status == RequestStatus.FULFILLED  # an API key request is fulfilled at once
    assert request.decided_by is None
    assert request.decided_by_label == "policy"
    assert AuditEvent.objects.get(action="request.approve").actor_label == "policy"


def test_a_request_failing_a_condition_waits_for_the_desk(policy_on) -> None:
    seller = SellerFactory()
    LateOrderFactory(seller=seller)
    assert access_request(seller, now=MONDAY).status == RequestStatus.SUBMITTED


def test_a_weekend_request_waits_for_the_next_business_days_morning(policy_on) -> None:
    request = access_request(SellerFactory(), now=SATURDAY)
    assert request.status == RequestStatus.SUBMITTED
    assert policy_run(now=SATURDAY + dt.timedelta(days=1)) == []
    approved = policy_run(now=dt.datetime(2026, 11, 30, 8, 0, tzinfo=JST))
    assert [r.pk for r in approved] == [request.pk]
    request.refresh_from_db()
    assert request.decided_at == dt.datetime(2026, 11, 30, 8, 0, tzinfo=JST)


def test_the_policy_run_leaves_failing_requests_alone(policy_on) -> None:
    seller = SellerFactory()
    request = access_request(seller, now=SATURDAY)
    LateOrderFactory(seller=seller)
    assert policy_run(now=MONDAY) == []
    request.refresh_from_db()
    assert request.status == RequestStatus.SUBMITTED


@time_machine.travel(MONDAY, tick=False)
def test_the_command_runs_the_policy(settings) -> None:
    request = access_request(SellerFactory(), now=SATURDAY)
    out = StringIO()
    call_command("access_policy", stdout=out)
    assert "off" in out.getvalue()
    settings.AUTO_APPROVE = True
    call_command("access_policy", stdout=out)
    assert "1 request(s) approved" in out.getvalue()
    request.refresh_from_db()
    assert request.status == RequestStatus.FULFILLED
