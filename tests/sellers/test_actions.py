"""What a seller does to orders, questions and claims, and how standing follows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from sellergate.audit.models import AuditEvent
from sellergate.core.errors import FieldError
from sellergate.sellers import actions, claims
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
    claims.claim_resolve(actor=actor, seller=order.seller, claim_no=claim.claim_no)
    order.refresh_from_db()
    claim.refresh_from_db()
    assert order.cancelled_at is not None
    assert claim.resolved_at is not None
    again = refused(
        lambda: claims.claim_resolve(actor=actor, seller=order.seller, claim_no=claim.claim_no)
    )
    assert again.code == "state"


def test_a_shipped_order_cannot_be_cancelled_by_claim(actor) -> None:
    order = OrderFactory(shipped_at=timezone.now())
    claim = ClaimFactory(seller=order.seller, kind="cancel", order_no=order.order_no)
    error = refused(
        lambda: claims.claim_resolve(actor=actor, seller=order.seller, claim_no=claim.claim_no)
    )
    assert error.code == "state"
    claim.refresh_from_db()
    assert claim.resolved_at is None


def test_confirming_without_a_date_and_the_states_that_refuse_it(actor) -> None:
    order = OrderFactory()
    actions.order_confirm(actor=actor, seller=order.seller, order_no=order.order_no)
    order.refresh_from_db()
    assert order.seller_checked_at is not None
    assert order.estimated_ship_date is None
    unpaid = OrderFactory(seller=order.seller, paid_at=None)
    for call in (
        lambda: actions.order_confirm(actor=actor, seller=order.seller, order_no=unpaid.order_no),
        lambda: actions.order_ship(
            actor=actor,
            seller=order.seller,
            order_no=unpaid.order_no,
            delivery_company="ヤマト運輸",
            tracking_no="1",
        ),
    ):
        assert refused(call).code == "state"
    past = refused(
        lambda: actions.order_confirm(
            actor=actor,
            seller=order.seller,
            order_no=order.order_no,
            estimated_ship_date=timezone.localdate() - dt.timedelta(days=1),
        )
    )
    assert past.field == "estimated_ship_date"


def test_delivery_needs_a_shipment(actor) -> None:
    order = OrderFactory()
    error = refused(
        lambda: actions.order_deliver(actor=actor, seller=order.seller, order_no=order.order_no)
    )
    assert error.code == "state"
    Order.objects.filter(pk=order.pk).update(shipped_at=timezone.now())
    actions.order_deliver(actor=actor, seller=order.seller, order_no=order.order_no)
    assert Order.objects.get(pk=order.pk).delivered_at is not None


def test_an_answer_is_to_the_latest_message_and_takes_the_next_number(actor) -> None:
    question = CustomerQuestionFactory(seq_no=3, inq_type="ITEM")
    seller, number = question.seller, question.question_no
    stale = refused(
        lambda: actions.question_answer(
            actor=actor, seller=seller, question_no=number, answer="はい", seq_no=2
        )
    )
    assert (stale.field, stale.code) == ("seq_no", "state")
    wrong_type = refused(
        lambda: actions.question_answer(
            actor=actor, seller=seller, question_no=number, answer="はい", inq_type="MSG"
        )
    )
    assert wrong_type.field == "inq_type"
    answered = actions.question_answer(
        actor=actor, seller=seller, question_no=number, answer="はい", seq_no=3, inq_type="ITEM"
    )
    assert answered.answer_seq_no == 4
    closed = actions.question_answer(
        actor=actor, seller=seller, question_no=number, answer="", close_without_reply=True
    )
    assert (closed.answer, closed.answer_seq_no) == ("", 5)
