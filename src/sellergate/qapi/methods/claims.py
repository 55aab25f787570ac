"""Claims (cancellations, returns, exchanges): list them and settle them."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy

from sellergate.qapi.methods.shipping import date_window
from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call, method
from sellergate.sellers import actions
from sellergate.sellers.models import Claim

# ClaimStat: 1 open, 2 settled, 0 / empty all.
CLAIM_STATES = {"0": Q(), "1": Q(resolved_at__isnull=True), "2": Q(resolved_at__isnull=False)}
CLAIM_DATES = {"1": "opened_at", "2": "opened_at", "3": "resolved_at", "4": "resolved_at"}


def claim_info(claim: Claim) -> dict[str, Any]:
    return {
        "ClaimNo": claim.claim_no,
        "OrderNo": claim.order_no,
        "ClaimType": claim.kind,
        "ClaimStatus": "2" if claim.resolved_at else "1",
        "ClaimReason": claim.reason,
        "ClaimDate": claim.opened_at,
        "ResolvedDate": claim.resolved_at,
        "SellerMemo": claim.seller_memo,
    }


@method(
    "ShippingBasic.GetClaimInfo_V3",
    params=(
        Param(
            "ClaimStat",
            type="choice",
            choices=tuple(CLAIM_STATES),
            help=gettext_lazy("1 open, 2 settled, 0 or empty all."),
        ),
        Param("search_Sdate", type="datetime"),
        Param("search_Edate", type="datetime"),
        Param(
            "search_condition",
            type="choice",
            choices=tuple(CLAIM_DATES),
            help=gettext_lazy("1 or 2: the claim's date; 3 or 4: the date it was settled."),
        ),
    ),
    summary=gettext_lazy("Your claims (cancellations, returns, exchanges)."),
)
def get_claim_info(call: Call) -> list[dict[str, Any]]:
    claims: QuerySet[Claim] = Claim.objects.of(call.seller).filter(
        CLAIM_STATES[call.params.get("ClaimStat", "0")]
    )
    claims = date_window(claims, call.params, CLAIM_DATES[call.params.get("search_condition", "1")])
    return [claim_info(c) for c in claims.order_by("opened_at")[:1000]]


@method(
    "Claim.SetCancelProcess",
    writes=True,
    params=(
        Param(
            "ContrNo",
            required=True,
            max_length=30,
            field="claim_no",
            aliases=("ClaimNo",),
            help=gettext_lazy("The claim number (GetClaimInfo_V3 ClaimNo)."),
        ),
        Param("SellerMemo", max_length=500, field="seller_memo"),
    ),
    summary=gettext_lazy(
        "Accept a claim: a cancellation cancels its order; the claim is no longer open."
    ),
)
def set_cancel_process(call: Call) -> dict[str, Any]:
    assert call.seller is not None
    claim = actions.claim_resolve(
        actor=call.actor,
        seller=call.seller,
        claim_no=call.params["ContrNo"],
        memo=call.params.get("SellerMemo", ""),
    )
    return {"ClaimNo": claim.claim_no, "ResolvedDate": claim.resolved_at}
