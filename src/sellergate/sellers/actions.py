"""What a seller does to its orders and questions (from the API or the seller center):
confirm an order, ship it, report it delivered, answer a question. Claims, and the
cancellations recorded as claims, are in ``sellers.claims``.

Each is one transaction with the record locked and one audit event; each one that ends
an open problem (a late shipment, an unanswered question) changes the seller's standing
at once, because standing is computed from these records. Refusals are ``FieldError``
naming the field.
"""

from __future__ import annotations

import datetime as dt
from typing import NoReturn

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from sellergate.audit.snapshots import field_values
from sellergate.core.actors import Actor
from sellergate.core.errors import FieldError
from sellergate.core.errors import Message as _
from sellergate.sellers.models import CustomerQuestion, Order, Seller
from sellergate.sellers.records import at_most, locked, save_audited

#: Why a shipment is later than the ship-by date, as the marketplace lists them
#: (DelayType).
DELAY_TYPES = {
    "1": gettext_lazy("The item is still being prepared"),
    "2": gettext_lazy("Made to order"),
    "3": gettext_lazy("At the customer's request"),
    "4": gettext_lazy("Other reason"),
}
MAX_ANSWER = 4000
MAX_MEMO = 1000
MAX_COMPANY = 200  # the carrier's name
MAX_TRACKING = 50


def _refuse_state(order: Order, message: _) -> NoReturn:
    raise FieldError("order_no", message % {"no": order.order_no}, code="state")


@transaction.atomic
def order_confirm(
    *,
    actor: Actor,
    seller: Seller,
    order_no: str,
    estimated_ship_date: dt.date | None = None,
    delay_type: str = "",
    delay_memo: str = "",
    now: dt.datetime | None = None,
) -> Order:
    """The seller confirms the order (発送予定日の登録), optionally with the date it will
    ship; shipping after the ship-by date needs a delay reason."""
    order = locked(Order, seller, "order_no", order_no)
    if order.cancelled_at or order.shipped_at or order.delivered_at:
        _refuse_state(order, _("Order %(no)s is already shipped or cancelled."))
    if order.paid_at is None:
        _refuse_state(order, _("Order %(no)s is not paid yet: it cannot be confirmed."))
    if delay_type and delay_type not in DELAY_TYPES:
        raise FieldError("delay_type", _("Delay reason is one of 1 to 4."))
    moment = now or timezone.now()
    if estimated_ship_date is not None:
        if estimated_ship_date < timezone.localdate(moment):
            raise FieldError(
                "estimated_ship_date", _("The estimated shipping date cannot be in the past.")
            )
        if estimated_ship_date > order.ship_by and not delay_type:
            raise FieldError(
                "delay_type",
                _("Shipping after %(date)s is a delay: give its reason (1 to 4).")
                % {"date": order.ship_by.isoformat()},
                code="required",
            )
    at_most("delay_memo", delay_memo, MAX_MEMO)
    fields = ("seller_checked_at", "estimated_ship_date", "delay_type", "delay_memo")
    before = field_values(order, fields)
    order.seller_checked_at = order.seller_checked_at or moment
    order.estimated_ship_date = estimated_ship_date or order.estimated_ship_date
    order.delay_type, order.delay_memo = delay_type, delay_memo
    save_audited(actor, "order.confirm", order, before, fields)
    return order


@transaction.atomic
def order_ship(
    *,
    actor: Actor,
    seller: Seller,
    order_no: str,
    delivery_company: str,
    tracking_no: str,
    now: dt.datetime | None = None,
) -> Order:
    """Record the shipment (or correct its carrier and tracking number): the order is in
    transit and no longer late, whatever its ship-by date."""
    order = locked(Order, seller, "order_no", order_no)
    if order.cancelled_at:
        _refuse_state(order, _("Order %(no)s is cancelled."))
    if order.paid_at is None:
        _refuse_state(order, _("Order %(no)s is not paid yet: it cannot ship."))
    if not delivery_company.strip():
        raise FieldError("delivery_company", _("Required."), code="required")
    at_most("delivery_company", delivery_company, MAX_COMPANY)
    at_most("tracking_no", tracking_no, MAX_TRACKING)
    fields = ("shipped_at", "seller_checked_at", "delivery_company", "tracking_no")
    before = field_values(order, fields)
    moment = now or timezone.now()
    order.shipped_at = order.shipped_at or moment
    order.seller_checked_at = order.seller_checked_at or moment
    order.delivery_company, order.tracking_no = delivery_company.strip(), tracking_no.strip()
    save_audited(actor, "order.ship", order, before, fields)
    return order


@transaction.atomic
def order_deliver(
    *, actor: Actor, seller: Seller, order_no: str, now: dt.datetime | None = None
) -> Order:
    """The seller reports a shipped order delivered (for carriers without tracking)."""
    order = locked(Order, seller, "order_no", order_no)
    if order.cancelled_at or not order.shipped_at:
        _refuse_state(order, _("Order %(no)s has not shipped: it cannot be delivered."))
    fields = ("delivered_at",)
    before = field_values(order, fields)
    order.delivered_at = order.delivered_at or now or timezone.now()
    save_audited(actor, "order.deliver", order, before, fields)
    return order


@transaction.atomic
def question_answer(
    *,
    actor: Actor,
    seller: Seller,
    question_no: str,
    answer: str,
    inq_type: str = "",
    seq_no: int | None = None,
    close_without_reply: bool = False,
    now: dt.datetime | None = None,
) -> CustomerQuestion:
    """Answer the customer's latest message (``seq_no``, when given, must be it); the
    answer takes the next message number. Answering again replaces the answer.

    ``close_without_reply``: an empty answer closes the inquiry as done (the API's
    ``contents`` is optional in the guide: the seller settled it another way, by phone
    say); the audit event records that no text was sent."""
    question = locked(CustomerQuestion, seller, "question_no", question_no)
    if inq_type and inq_type != question.inq_type:
        raise FieldError(
            "inq_type",
            _("Question %(no)s is of type %(type)s, not %(given)s.")
            % {"no": question_no, "type": question.inq_type, "given": inq_type},
            code="not_found",
        )
    if seq_no is not None and seq_no != question.seq_no:
        raise FieldError(
            "seq_no",
            _("The latest message of question %(no)s is number %(seq)d, not %(given)d.")
            % {"no": question_no, "seq": question.seq_no, "given": seq_no},
            code="state",
        )
    if not answer.strip() and not close_without_reply:
        raise FieldError("answer", _("Required."), code="required")
    at_most("answer", answer, MAX_ANSWER)
    fields = ("answer", "answered_at", "answer_seq_no")
    before = field_values(question, fields)
    question.answer = answer.strip()
    question.answered_at = now or timezone.now()
    question.answer_seq_no = max(question.seq_no, question.answer_seq_no or 0) + 1
    save_audited(actor, "question.answer", question, before, fields)
    return question
