"""The request lifecycle through its service functions."""

from __future__ import annotations

import datetime as dt
import threading
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, connection, transaction

from sellergate.access import services
from sellergate.access.errors import (
    ConditionsNotMet,
    NotABusinessDay,
    RequestStateError,
)
from sellergate.access.models import AccessRequest, RequestStatus
from sellergate.audit.models import AuditEvent
from sellergate.core.actors import Actor
from tests.factories import (
    LateOrderFactory,
    SellerFactory,
    SellerUserFactory,
    access_request,
    operator_actor,
)

JST = ZoneInfo("Asia/Tokyo")
MONDAY = dt.datetime(2026, 11, 30, 10, 0, tzinfo=JST)

# Decisions are taken at the instants the tests name; the records are made that Monday.
pytestmark = [pytest.mark.django_db, pytest.mark.clock(MONDAY)]


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (dt.datetime(2026, 11, 28, 9, 0, tzinfo=JST), dt.date(2026, 11, 30)),  # Saturday
        (dt.datetime(2026, 11, 23, 9, 0, tzinfo=JST), dt.date(2026, 11, 24)),  # 勤労感謝の日
        (dt.datetime(2026, 11, 24, 9, 0, tzinfo=JST), dt.date(2026, 11, 24)),
    ],
)
def test_the_due_date_is_the_next_business_day(received, due) -> None:
    request = access_request(SellerFactory(), now=received)
    assert request.due_on == due
    assert request.status == RequestStatus.SUBMITTED


def test_failing_conditions_do_not_stop_a_submission_but_are_stored() -> None:
    seller = SellerFactory(service_points=-3)
    LateOrderFactory(seller=seller, order_no="1001")
    request = access_request(seller)
    snapshot = request.eligibility_at_submission
    assert snapshot["passed"] is False
    failed = {c["code"]: c for c in snapshot["conditions"] if not c["passed"]}
    assert set(failed) == {"service_points", "late_shipments"}
    assert failed["late_shipments"]["records"] == ["1001"]


@pytest.mark.parametrize(
    ("purpose", "code"),
    [
        ("", "required"),
        ("   ", "required"),
        ("テスト", "placeholder"),
        ("\uff54\uff45\uff53\uff54\uff01", "placeholder"),  # full-width "test!"
        ("あああああああああああああああああ", "placeholder"),
        ("在庫連携のため", "too_short"),
    ],
)
def test_an_unclear_purpose_is_refused_with_what_a_clear_one_contains(purpose, code) -> None:
    with pytest.raises(ValidationError) as raised:
        access_request(SellerFactory(), purpose=purpose)
    error = raised.value.error_dict["purpose"][0]
    assert error.code == code
    if code != "required":
        assert "自社の在庫管理システムと連動し" in " ".join(raised.value.messages)
    assert not AccessRequest.objects.exists()


@pytest.mark.parametrize("integrator", ["", "なし", "テスト"])
def test_the_integrating_company_is_required(integrator) -> None:
    with pytest.raises(ValidationError) as raised:
        access_request(SellerFactory(), integrator_name=integrator)
    assert "自社開発" in " ".join(raised.value.message_dict["integrator_name"])


def test_an_ftp_application_needs_the_guidance_confirmed() -> None:
    with pytest.raises(ValidationError) as raised:
        access_request(SellerFactory(), kind="ftp", confirmations=[])
    assert "confirmations" in raised.value.message_dict
    assert access_request(SellerFactory(), kind="ftp").confirmations == ["guidance_read"]


def test_one_open_request_per_seller_and_kind() -> None:
    seller = SellerFactory()
    first = access_request(seller)
    with pytest.raises(ValidationError) as raised:
        access_request(seller)
    codes = [error.code for error in raised.value.error_dict[NON_FIELD_ERRORS]]
    assert codes == ["open_request_exists"]
    access_request(seller, kind="ftp")  # the other kind is independent
    services.request_withdraw(actor=Actor.system("test"), request=first)
    assert access_request(seller).status == RequestStatus.SUBMITTED


def test_the_database_itself_refuses_a_second_open_request() -> None:
    first = access_request(SellerFactory())
    twin = AccessRequest.objects.get(pk=first.pk)
    twin.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()


def test_ask_then_answer_puts_the_request_back_in_the_queue_with_a_new_due_date() -> None:
    request = access_request(SellerFactory(), now=dt.datetime(2026, 11, 20, 9, 0, tzinfo=JST))
    desk = operator_actor()
    request = services.request_ask(
        actor=desk, request=request, message="連動会社の担当者を教えてください"
    )
    assert request.status == RequestStatus.NEEDS_INFO
    with pytest.raises(RequestStateError):
        services.request_approve(actor=desk, request=request, now=MONDAY)
    answered_on_saturday = dt.datetime(2026, 11, 21, 11, 0, tzinfo=JST)
    request = services.request_answer(
        actor=Actor.system("seller"),
        request=request,
        message="株式会社サンプルの山田です",
        now=answered_on_saturday,
    )
    assert request.status == RequestStatus.SUBMITTED
    assert request.due_on == dt.date(2026, 11, 24)
    assert [m.author_role for m in request.messages.all()] == ["desk", "seller"]


def test_withdrawal_ends_the_request() -> None:
    request = access_request(SellerFactory())
    request = services.request_withdraw(actor=Actor.system("test"), request=request)
    assert request.status == RequestStatus.WITHDRAWN
    with pytest.raises(RequestStateError):
        services.request_withdraw(actor=Actor.system("test"), request=request)


@pytest.mark.parametrize(
    ("when", "reason"),
    [
        (dt.datetime(2026, 11, 28, 10, 0, tzinfo=JST), "土曜日"),
        (dt.datetime(2026, 11, 23, 10, 0, tzinfo=JST), "勤労感謝の日"),
        # 2026-11-29 16:00 UTC is Monday 01:00 in Tokyo: a business day.
    ],
)
def test_approving_on_a_non_business_day_is_refused(when, reason) -> None:
    request = access_request(SellerFactory())
    with pytest.raises(NotABusinessDay) as raised:
        services.request_approve(actor=operator_actor(), request=request, now=when)
    assert reason in raised.value.message
    request.refresh_from_db()
    assert request.status == RequestStatus.SUBMITTED


def test_approving_while_a_condition_fails_is_refused() -> None:
    seller = SellerFactory()
    request = access_request(seller)
    LateOrderFactory(seller=seller)  # the seller fell behind after submitting
    with pytest.raises(ConditionsNotMet, match="発送遅延がないこと"):
        services.request_approve(actor=operator_actor(), request=request, now=MONDAY)
    request.refresh_from_db()
    assert request.status == RequestStatus.SUBMITTED


def test_reject_needs_a_reason() -> None:
    request = access_request(SellerFactory())
    with pytest.raises(ValidationError):
        services.request_reject(actor=operator_actor(), request=request, reason=" ")
    request = services.request_reject(
        actor=operator_actor(), request=request, reason="利用目的が不明確です"
    )
    assert request.status == RequestStatus.REJECTED
    assert request.decision_reason == "利用目的が不明確です"


def test_a_second_decision_says_who_decided_first() -> None:
    request = access_request(SellerFactory())
    first = operator_actor(username="sato")
    services.request_approve(actor=first, request=request, now=MONDAY)
    with pytest.raises(RequestStateError, match="sato"):
        services.request_reject(actor=operator_actor(), request=request, reason="重複")


@pytest.mark.django_db(transaction=True)
def test_two_operators_deciding_at_once_exactly_one_wins() -> None:
    request = access_request(SellerUserFactory().seller)
    actors = [operator_actor(), operator_actor()]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def decide(actor: Actor, approve: bool) -> None:
        try:
            barrier.wait()
            if approve:
                services.request_approve(actor=actor, request=request, now=MONDAY)
            else:
                services.request_reject(actor=actor, request=request, reason="重複")
            outcomes.append("won")
        except RequestStateError as error:
            outcomes.append("lost: " + error.message)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=decide, args=(actors[0], True)),
        threading.Thread(target=decide, args=(actors[1], False)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(outcomes) == 2
    assert sorted(outcomes)[0].startswith("lost: ")
    assert sorted(outcomes)[1] == "won"
    winner = AccessRequest.objects.get(pk=request.pk).decided_by_label
    assert winner in sorted(outcomes)[0]  # the loser is told who decided
    assert AuditEvent.objects.filter(action__in=["request.approve", "request.reject"]).count() == 1
