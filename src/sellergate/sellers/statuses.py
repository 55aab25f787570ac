"""The marketplace's status codes, each derived from a record's dates, defined once: what
a code means (a database condition, for searching) and which code a record has (for
answering) sit side by side, so the two cannot drift apart.

ShippingStatus (an order):
  1 awaiting payment · 2 paid, waiting for the seller (a new order) · 3 confirmed by the
  seller, being prepared · 4 shipped, in transit · 5 delivered (or receipt confirmed).
  A cancelled order has no shipping status: it is listed through its claim.
ClaimStat (a claim), by kind and stage (requested → handled by the seller → completed):
  cancel 1 → 2 → 3 · return 4 → 5 → 6 · exchange 11 → 12 → 13 · not received: 14 when
  refunded, 15 when partly refunded · 16 an unpaid order cancelled. The guide has no code
  for a non-receipt claim still open, or for a claim of kind "other": they answer "".
proc_status (an inquiry): S1 not answered · S2 being handled by the help desk · S3 answered.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from sellergate.sellers.models import Claim, ClaimKind, CustomerQuestion, Order

_LIVE = Q(cancelled_at__isnull=True)
_NOT_SHIPPED = Q(shipped_at__isnull=True, delivered_at__isnull=True, completed_at__isnull=True)

SHIPPING: dict[str, Q] = {
    "1": _LIVE & _NOT_SHIPPED & Q(paid_at__isnull=True),
    "2": _LIVE & _NOT_SHIPPED & Q(paid_at__isnull=False, seller_checked_at__isnull=True),
    "3": _LIVE & _NOT_SHIPPED & Q(paid_at__isnull=False, seller_checked_at__isnull=False),
    "4": _LIVE & Q(shipped_at__isnull=False, delivered_at__isnull=True, completed_at__isnull=True),
    "5": _LIVE & (Q(delivered_at__isnull=False) | Q(completed_at__isnull=False)),
}
#: ShippingStatus 0 or empty: the orders still to ship (1, 2 and 3). The guide's export
#: says 1 and 2, the public method notes 1 to 3; a client asking for "all open orders"
#: loses nothing with 3 included, and one that then filters by status sees every one.
OPEN_ORDERS = _LIVE & _NOT_SHIPPED


def shipping_status(order: Order | Any) -> str:
    """``order``: an Order or a row of its fields."""
    if order.cancelled_at:
        return ""
    if order.delivered_at or order.completed_at:
        return "5"
    if order.shipped_at:
        return "4"
    if order.paid_at is None:
        return "1"
    return "3" if order.seller_checked_at else "2"


_REQUESTED = Q(resolved_at__isnull=True, completed_at__isnull=True)
_HANDLED = Q(resolved_at__isnull=False, completed_at__isnull=True)
_COMPLETED = Q(completed_at__isnull=False)
_STAGES = {"requested": _REQUESTED, "handled": _HANDLED, "completed": _COMPLETED}
_BY_KIND = {
    ClaimKind.CANCEL: ("1", "2", "3"),
    ClaimKind.RETURN: ("4", "5", "6"),
    ClaimKind.EXCHANGE: ("11", "12", "13"),
}

CLAIM: dict[str, Q] = {
    code: Q(kind=kind) & stage
    for kind, codes in _BY_KIND.items()
    for code, stage in zip(codes, _STAGES.values(), strict=True)
}
CLAIM["14"] = Q(kind=ClaimKind.NON_RECEIPT, partial_refund_count=0) & _COMPLETED
CLAIM["15"] = Q(kind=ClaimKind.NON_RECEIPT, partial_refund_count__gt=0) & _COMPLETED
CLAIM["16"] = Q(kind=ClaimKind.UNPAID)


def claim_status(claim: Claim) -> str:
    stage = 2 if claim.completed_at else 1 if claim.resolved_at else 0
    if claim.kind in _BY_KIND:
        return _BY_KIND[ClaimKind(claim.kind)][stage]
    if claim.kind == ClaimKind.NON_RECEIPT and stage == 2:
        return "15" if claim.partial_refund_count else "14"
    return "16" if claim.kind == ClaimKind.UNPAID else ""


INQUIRY: dict[str, Q] = {
    "S1": Q(answered_at__isnull=True, handling_since__isnull=True),
    "S2": Q(answered_at__isnull=True, handling_since__isnull=False),
    "S3": Q(answered_at__isnull=False),
}


def inquiry_status(question: CustomerQuestion) -> str:
    if question.answered_at:
        return "S3"
    return "S2" if question.handling_since else "S1"
