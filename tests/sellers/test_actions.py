"""What a seller does to orders, questions and claims, and how standing follows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from sellergate.audit.models import AuditEvent
from sellergate.core.errors import FieldError
from sellergate.sellers import actions
from sellergate.sellers.models import Order
from tests.factories import (
    ClaimFactory,
    CustomerQuestionFactory,
    LateOrderFactory,
    OrderFactory,
    SellerFactory,
)

pytestmark = pytest.mark.django_db


def refused(call) -> FieldError:
    with pytest.raises(FieldError) as raised:
        call()
    return raised.value


def test_shipping_a_late_order_ends_its_lateness(actor) -> None:
    order = LateOrderFactory()
    seller = order.seller
    assert Order.objects.late(timezone.localdate()).count() == 1
    actions.order_ship(
        actor=actor,
        seller=seller,
        order_no=order.order_no,
        delivery_company="ヤマト運輸",
        tracking_no="1234",
    )
    assert Order.objects.late(timezone.localdate()).count() == 0
    order.refresh_from_db()
    assert (order.delivery_company, order.tracking_no) == ("ヤマト運輸", "1234")
    assert order.seller_checked_at is not None
    assert AuditEvent.objects.get(action="order.ship").after["tracking_no"] == "1234"


def test_another_sellers_order_is_not_found(actor) -> None:
    order = OrderFactory()
    error = refused(
        lambda: actions.order_ship(
            actor=actor,
            seller=SellerFactory(),
            order_no=order.order_no,
            delivery_company="佐川急便",
            tracking_no="1",
        )
    )
    assert (error.field, error.code) == ("order_no", "not_found")


def test_a_cancelled_order_cannot_ship(actor) -> None:
    order = OrderFactory(cancelled_at=timezone.now())
    error = refused(
        lambda: actions.order_ship(
            actor=actor,
            seller=order.seller,
            order_no=order.order_no,
            delivery_company="佐川急便",
            tracking_no="1",
        )
    )
    assert error.code == "state"
    assert not AuditEvent.objects.exists()


def test_confirming_after_the_ship_by_date_needs_a_reason(actor) -> None:
    order = OrderFactory()
    later = order.ship_by + dt.timedelta(days=3)
    error = refused(
        lambda: actions.order_confirm(
            actor=actor, seller=order.seller, order_no=order.order_no, estimated_ship_date=later
        )
    )
    assert (error.field, error.code) == ("delay_type", "required")
    actions.order_confirm(
        actor=actor,
        seller=order.seller,
        order_no=order.order_no,
        estimated_ship_date=later,
        delay_type="1",
        delay_memo="入荷待ち",
    )
    order.refresh_from_db()
    assert (order.estimated_ship_date, order.delay_type) == (later, "1")


def test_answering_a_question(actor) -> None:
    question = CustomerQuestionFactory()
    assert (
        refused(
            lambda: actions.question_answer(
                actor=actor, seller=question.seller, question_no=question.question_no, answer="  "
            )
        ).code
        == "required"
    )
    actions.question_answer(
        actor=actor, seller=question.seller, question_no=question.question_no, answer="ございます。"
    )
    question.refresh_from_db()
    assert question.answered_at is not None
    assert question.answer == "ございます。"


def test_accepting_a_cancellation_cancels_its_order_once(actor) -> None:
    order = OrderFactory()
    claim = ClaimFactory(seller=order.seller, kind="cancel", order_no=order.order_no)
    actions.claim_resolve(actor=actor, seller=order.seller, claim_no=claim.claim_no)
    order.refresh_from_db()
    claim.refresh_from_db()
    assert order.cancelled_at is not None
    assert claim.resolved_at is not None
    again = refused(
        lambda: actions.claim_resolve(actor=actor, seller=order.seller, claim_no=claim.claim_no)
    )
    assert again.code == "state"


def test_a_shipped_order_cannot_be_cancelled_by_claim(actor) -> None:
    order = OrderFactory(shipped_at=timezone.now())
    claim = ClaimFactory(seller=order.seller, kind="cancel", order_no=order.order_no)
    error = refused(
        lambda: actions.claim_resolve(actor=actor, seller=order.seller, claim_no=claim.claim_no)
    )
    assert error.code == "state"
    claim.refresh_from_db()
    assert claim.resolved_at is None
