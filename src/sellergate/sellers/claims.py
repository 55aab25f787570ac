"""What a seller does to claims (``Claim``): cancel an order (the marketplace records
every cancellation as a claim, so a cancellation is a claim's transition and lives
here), approve a return or an exchange, re-ship an exchanged item, settle a claim from
the seller center.

The API names orders, not claims: a claim is found as the order's latest claim of the
kind asked for. Each is one transaction with the records locked and one audit event.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from sellergate.audit.snapshots import field_values
from sellergate.core.actors import Actor
from sellergate.core.errors import FieldError
from sellergate.core.errors import Message as _
from sellergate.sellers.actions import MAX_COMPANY, MAX_MEMO, MAX_TRACKING
from sellergate.sellers.models import Claim, ClaimKind, Order, Seller
from sellergate.sellers.records import at_most, locked, save_audited

#: Why the seller cancels (CancelReason); empty is the marketplace's default.
CANCEL_REASONS = ("", "1", "2", "3")

_CLAIM_FIELDS = ("resolved_at", "completed_at", "seller_memo")


def _open_claim(seller: Seller, order_no: str, kinds: tuple[str, ...], *, handled: bool) -> Claim:
    """The order's latest claim of ``kinds`` not completed (and not yet handled, unless
    ``handled``), locked; refused naming the order when there is none."""
    waiting = Q(completed_at__isnull=True)
    if not handled:
        waiting &= Q(resolved_at__isnull=True)
    claim = (
        Claim.objects.select_for_update()
        .of(seller)
        .filter(waiting, order_no=order_no, kind__in=kinds)
        .order_by("-opened_at", "-pk")
        .first()
    )
    if claim is None:
        labels = ", ".join(str(ClaimKind(kind).label) for kind in kinds)
        raise FieldError(
            "order_no",
            _("Order %(no)s has no open claim of this kind (%(kinds)s).")
            % {"no": order_no, "kinds": labels},
            code="not_found",
        )
    return claim


@transaction.atomic
def order_cancel(
    *,
    actor: Actor,
    seller: Seller,
    order_no: str,
    reason: str = "",
    memo: str = "",
    now: dt.datetime | None = None,
) -> Claim:
    """Cancel an order not shipped yet: the buyer's open cancellation request is
    accepted, or — the seller cancelling of its own accord — a cancellation claim is
    recorded; either way it is complete (ClaimStat 3) and the order is cancelled."""
    order = locked(Order, seller, "order_no", order_no)
    if order.cancelled_at or order.shipped_at or order.delivered_at:
        raise FieldError(
            "order_no",
            _("Order %(no)s is already shipped or cancelled: it cannot be cancelled.")
            % {"no": order_no},
            code="state",
        )
    if reason not in CANCEL_REASONS:
        raise FieldError("cancel_reason", _("Cancellation reason is empty, 1, 2 or 3."))
    at_most("seller_memo", memo, MAX_MEMO)
    moment = now or timezone.now()
    claim = (
        Claim.objects.select_for_update()
        .of(seller)
        .filter(order_no=order_no, kind=ClaimKind.CANCEL, completed_at__isnull=True)
        .order_by("-opened_at")
        .first()
    )
    if claim is None:
        claim = Claim.objects.create(
            seller=seller,
            claim_no=f"SC-{order_no}"[:30],
            order_no=order_no,
            kind=ClaimKind.CANCEL,
            opened_at=moment,
            reason=str(_("Cancelled by the seller")),
        )
    fields = (*_CLAIM_FIELDS, "cancel_reason")
    before = field_values(claim, fields)
    claim.resolved_at = claim.resolved_at or moment
    claim.completed_at = moment
    claim.seller_memo, claim.cancel_reason = memo, reason
    order.cancelled_at = moment
    order.save(update_fields=["cancelled_at"])
    save_audited(
        actor, "order.cancel", claim, before, fields, also={"order_cancelled_at": str(moment)}
    )
    return claim


def _address(values: dict[str, Any], limits: dict[str, int]) -> dict[str, str]:
    kept = {}
    for name, limit in limits.items():
        value = str(values.get(name) or "").strip()
        at_most(name, value, limit)
        if value:
            kept[name] = value
    return kept


RETURN_TO = {"name": 200, "zip": 10, "address1": 200, "address2": 200, "mobile": 200, "tel": 200}
RECEIVER = {"name": 200, "zip": 10, "address1": 200, "address2": 200, "mobile": 20, "tel": 20}


@transaction.atomic
def claim_accept(
    *,
    actor: Actor,
    seller: Seller,
    order_no: str,
    return_to: dict[str, Any] | None = None,
    now: dt.datetime | None = None,
) -> Claim:
    """Approve the order's return or exchange request, with the address the item goes
    back to (the shop's own when none is given): return 4 → 5, exchange 11 → 12."""
    claim = _open_claim(seller, order_no, (ClaimKind.RETURN, ClaimKind.EXCHANGE), handled=False)
    address = _address(return_to or {}, RETURN_TO)
    fields = ("resolved_at", "return_to")
    before = field_values(claim, fields)
    claim.resolved_at = now or timezone.now()
    claim.return_to = address
    save_audited(actor, "claim.accept", claim, before, fields)
    return claim


@transaction.atomic
def claim_redeliver(
    *,
    actor: Actor,
    seller: Seller,
    order_no: str,
    redelivery_date: dt.datetime,
    tracking_no: str = "",
    company: str = "",
    receiver: dict[str, Any] | None = None,
    now: dt.datetime | None = None,
) -> Claim:
    """Record the re-shipment of an exchanged item (approving the exchange if it was not
    yet): exchange → 13, complete; the receiver's fields given replace the order's."""
    claim = _open_claim(seller, order_no, (ClaimKind.EXCHANGE,), handled=True)
    if redelivery_date < claim.opened_at - dt.timedelta(days=1):
        raise FieldError(
            "redelivery_date", _("The re-shipment cannot be before the exchange was asked for.")
        )
    at_most("tracking_no", tracking_no, MAX_TRACKING)
    at_most("delivery_company", company, MAX_COMPANY)
    moment = now or timezone.now()
    record = {
        "date": redelivery_date.isoformat(),
        "tracking_no": tracking_no.strip(),
        "company": company.strip(),
        "receiver": _address(receiver or {}, RECEIVER),
    }
    fields = ("resolved_at", "completed_at", "redelivery")
    before = field_values(claim, fields)
    claim.resolved_at = claim.resolved_at or moment
    claim.completed_at = moment
    claim.redelivery = record
    save_audited(actor, "claim.redeliver", claim, before, fields)
    return claim


@transaction.atomic
def claim_resolve(
    *,
    actor: Actor,
    seller: Seller,
    claim_no: str,
    memo: str = "",
    now: dt.datetime | None = None,
) -> Claim:
    """Settle a claim from the seller center; accepting a cancellation also cancels its
    order (if not shipped) and completes it."""
    claim = locked(Claim, seller, "claim_no", claim_no)
    if claim.resolved_at or claim.completed_at:
        raise FieldError(
            "claim_no", _("Claim %(no)s is already settled.") % {"no": claim_no}, code="state"
        )
    at_most("seller_memo", memo, MAX_MEMO)
    moment = now or timezone.now()
    fields = _CLAIM_FIELDS
    before = field_values(claim, fields)
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
        claim.completed_at = moment
    claim.resolved_at, claim.seller_memo = moment, memo
    save_audited(actor, "claim.resolve", claim, before, fields)
    return claim
