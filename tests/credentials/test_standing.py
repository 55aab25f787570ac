"""Standing enforcement: warn always; suspend after N business days only when set."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from sellergate.core.actors import Actor
from sellergate.credentials import api_keys, suspension
from sellergate.credentials.standing import standing_enforce
from sellergate.worker import schedule
from tests.factories import CustomerQuestionFactory, granted_seller

pytestmark = pytest.mark.django_db

JST = ZoneInfo("Asia/Tokyo")
MON = dt.datetime(2026, 11, 30, 9, 30, tzinfo=JST)


@pytest.fixture
def seller_with_key():
    seller = granted_seller()
    api_keys.api_key_create(actor=Actor.system("test"), seller=seller, name="k")
    return seller


def test_a_seller_out_of_standing_is_warned_with_what_to_fix(seller_with_key) -> None:
    CustomerQuestionFactory(seller=seller_with_key, question_no="Q42")
    report = standing_enforce(now=MON)
    assert report.warned == [seller_with_key.login_id]
    assert report.checked == 1  # the sellers with credentials
    assert report.suspended == []
    assert mail.outbox[-1].to == [seller_with_key.contact_email]
    assert "Q42" in mail.outbox[-1].body
    seller_with_key.refresh_from_db()
    assert seller_with_key.out_of_standing_since == MON.date()
    assert seller_with_key.suspended_at is None


def test_by_default_nothing_is_suspended_however_long(seller_with_key) -> None:
    CustomerQuestionFactory(seller=seller_with_key)
    for days in range(0, 30):
        standing_enforce(now=MON + dt.timedelta(days=days))
    seller_with_key.refresh_from_db()
    assert seller_with_key.suspended_at is None


def test_with_the_setting_credentials_are_suspended_after_n_business_days(
    settings, seller_with_key
) -> None:
    settings.STANDING_SUSPEND_AFTER_DAYS = 3
    question = CustomerQuestionFactory(seller=seller_with_key)
    standing_enforce(now=MON)  # Monday: out of standing since today
    assert standing_enforce(now=MON + dt.timedelta(days=2)).suspended == []  # Wednesday
    assert standing_enforce(now=MON + dt.timedelta(days=3)).suspended == [
        seller_with_key.login_id
    ]  # Thursday
    seller_with_key.refresh_from_db()
    assert seller_with_key.suspended_by_standing
    assert "unanswered_questions" in seller_with_key.suspension_reason
    # Answering the question restores standing, and the check lifts its own suspension.
    question.answered_at = timezone.now()
    question.save()
    assert standing_enforce(now=MON + dt.timedelta(days=4)).resumed == [seller_with_key.login_id]
    seller_with_key.refresh_from_db()
    assert seller_with_key.suspended_at is None
    assert seller_with_key.out_of_standing_since is None


def test_an_operators_suspension_is_not_lifted_by_the_check(settings, seller_with_key) -> None:
    suspension.credentials_suspend(
        actor=Actor.system("desk"), seller=seller_with_key, reason="調査中"
    )
    standing_enforce(now=MON)
    seller_with_key.refresh_from_db()
    assert seller_with_key.suspended_at is not None


def test_the_daily_check_runs_once_on_business_day_mornings(seller_with_key) -> None:
    CustomerQuestionFactory(seller=seller_with_key)
    saturday = dt.datetime(2026, 11, 28, 10, 0, tzinfo=JST)
    assert "standing_check" not in schedule.tick(now=saturday)
    assert "standing_check" not in schedule.tick(now=MON.replace(hour=8))
    assert "standing_check" in schedule.tick(now=MON)
    assert "standing_check" not in schedule.tick(now=MON + dt.timedelta(hours=3))
    assert "standing_check" in schedule.tick(now=MON + dt.timedelta(days=1))
