"""What a seller does to its orders, questions and claims (from the API or the seller
center): confirm and ship an order, answer a question, settle a claim.

Each is one transaction with the record locked and one audit event; each one that ends
an open problem (a late shipment, an unanswered question, an open claim) changes the
seller's standing at once, because standing is computed from these records.
Refusals are ``FieldError`` naming the field.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from sellergate.audit.services import audit_record
from sellergate.audit.snapshots import changed, field_values
from sellergate.core.actors import Actor
from sellergate.core.errors import FieldError
from sellergate.core.errors import Message as _
from sellergate.sellers.models import Claim, ClaimKind, CustomerQuestion, Order, Seller

#: Why a shipment is late, as the marketplace lists them (DelayType).
DELAY_TYPES = {
    "1": gettext_lazy("Out of stock, restocking"),
    "2": gettext_lazy("Made or ordered after purchase"),
    "3": gettext_lazy("Shipping company delay"),
    "4": gettext_lazy("Buyer's request"),
    "5": gettext_lazy("Other"),
}
MAX_ANSWER = 4000


def _locked[M: (Order, CustomerQuestion, Claim)](
    model: type[M], seller: Seller, field: str, number: str
) -> M:
    record = model.objects.select_for_update().of(seller).filter(**{field: number}).first()
    if record is None:
        raise FieldError(
            field, _("No %(number)s among your records.") % {"number": number}, code="not_found"
        )
    return record


def _save_audited(
    actor: Actor,
    action: str,
    record: Order | CustomerQuestion | Claim,
    before: dict[str, object],
    fields: tuple[str, ...],
) -> None:
    record.save(update_fields=list(fields))
    old, new = changed(before, field_values(record, fields))
    audit_record(
        actor=actor, action=action, obj=record, seller=record.seller, before=old, after=new
    )


@transaction.atomic
def order_confirm(
    *,
    actor: Actor,
    seller: Seller,
    order_no: str,
    estimated_ship_date: dt.date,
    delay_type: str = "",
    delay_memo: str = "",
    now: dt.datetime | None = None,
) -> Order:
    """The seller confirms the order and the date it will ship (発送予定日)."""
    order = _locked(Order, seller, "order_no", order_no)
    if order.cancelled_at or order.shipped_at:
        raise FieldError(
            "order_no",
            _("Order %(no)s is already shipped or cancelled.") % {"no": order_no},
            code="state",
        )
    if delay_type and delay_type not in DELAY_TYPES:
        raise FieldError("delay_type", _("Delay reason is one of 1 to 5."))
    if estimated_ship_date > order.ship_by and not delay_type:
        raise FieldError(
            "delay_type",
            _("Shipping after %(date)s is a delay: give its reason (1 to 5).")
            % {"date": order.ship_by.isoformat()},
            code="required",
        )
    if len(delay_memo) > 500:
        raise FieldError("delay_memo", _("At most 500 characters."))
    fields = ("seller_checked_at", "estimated_ship_date", "delay_type", "delay_memo")
    before = field_values(order, fields)
    order.seller_checked_at = order.seller_checked_at or now or timezone.now()
    order.estimated_ship_date = estimated_ship_date
    order.delay_type, order.delay_memo = delay_type, delay_memo
    _save_audited(actor, "order.confirm", order, before, fields)
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
    """Record the shipment: the order is no longer late, whatever its ship-by date."""
    order = _locked(Order, seller, "order_no", order_no)
    if order.cancelled_at:
        raise FieldError(
            "order_no", _("Order %(no)s is cancelled.") % {"no": order_no}, code="state"
        )
    if not delivery_company.strip():
        raise FieldError("delivery_company", _("Required."), code="required")
    if len(delivery_company) > 50 or len(tracking_no) > 50:
        field = "delivery_company" if len(delivery_company) > 50 else "tracking_no"
        raise FieldError(field, _("At most 50 characters."))
    fields = ("shipped_at", "seller_checked_at", "delivery_company", "tracking_no")
    before = field_values(order, fields)
    moment = now or timezone.now()
    order.shipped_at = order.shipped_at or moment
    order.seller_checked_at = order.seller_checked_at or moment
    order.delivery_company, order.tracking_no = delivery_company.strip(), tracking_no.strip()
    _save_audited(actor, "order.ship", order, before, fields)
    return order


@transaction.atomic
def question_answer(
    *,
    actor: Actor,
    seller: Seller,
    question_no: str,
    answer: str,
    now: dt.datetime | None = None,
) -> CustomerQuestion:
    question = _locked(CustomerQuestion, seller, "question_no", question_no)
    if not answer.strip():
        raise FieldError("answer", _("Required."), code="required")
    if len(answer) > MAX_ANSWER:
        raise FieldError("answer", _("At most %(n)d characters.") % {"n": MAX_ANSWER})
    fields = ("answer", "answered_at")
    before = field_values(question, fields)
    question.answer = answer.strip()
    question.answered_at = now or timezone.now()
    _save_audited(actor, "question.answer", question, before, fields)
    return question


@transaction.atomic
def claim_resolve(
    *,
    actor: Actor,
    seller: Seller,
    claim_no: str,
    memo: str = "",
    now: dt.datetime | None = None,
) -> Claim:
    """Settle a claim; accepting a cancellation also cancels its order (if not shipped)."""
    claim = _locked(Claim, seller, "claim_no", claim_no)
    if claim.resolved_at:
        raise FieldError(
            "claim_no", _("Claim %(no)s is already settled.") % {"no": claim_no}, code="state"
        )
    if len(memo) > 500:
        raise FieldError("seller_memo", _("At most 500 characters."))
    moment = now or timezone.now()
    if claim.kind == ClaimKind.CANCEL and claim.order_no:
        order = Order.objects.select_for_update().of(seller).filter(order_no=claim.order_no).first()
        if order is not None and order.shipped_at:
            raise FieldError(
                "claim_no",
                _("Order %(no)s has shipped: settle it as a return instead.")
                % {"no": order.order_no},
                code="state",
            )
        if order is not None and not order.cancelled_at:
            order.cancelled_at = moment
            order.save(update_fields=["cancelled_at"])
    fields = ("resolved_at", "seller_memo")
    before = field_values(claim, fields)
    claim.resolved_at, claim.seller_memo = moment, memo
    _save_audited(actor, "claim.resolve", claim, before, fields)
    return claim
