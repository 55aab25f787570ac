"""Claims: list them (``GetClaimInfo_V3`` and the legacy ``GetClaimInfo``/``_V2``), cancel
an order (``Claim.SetCancelProcess``), approve a return or exchange
(``Claim.SetClaimAccept``), re-ship an exchanged item (``Claim.SetClaimRedelivery``).

The guide names claims by their order (``ContrNo``, ``orderNo``); ClaimStat codes and
stages are ``sellers.statuses``'. Where it is silent: the legacy lists take the same
parameters with the dates optional and no 90-day bound; SetClaimAccept approves a
return as well as an exchange (both wait for the seller's approval), and with no
address the item goes back to the shop's own; ``returnFeeStat`` is read and ignored, as
the guide says.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sellergate.qapi.methods import order_rows
from sellergate.qapi.methods.windows import bounded, date_window
from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call, method
from sellergate.sellers import claims, statuses
from sellergate.sellers.models import Claim, Order

CLAIM_STAT_HELP = gettext_lazy(
    "1–3 cancellation requested, in progress, done; 4–6 return; 11–13 exchange "
    "requested, approved, re-shipped; 14, 15 not received, refunded (in part); 16 "
    "unpaid order cancelled. Empty: all."
)
CONDITION_HELP = gettext_lazy("1 order date (default), 2 request date, 3 completion date.")
CLAIM_DATES = {"1": "order", "2": "opened_at", "3": "completed_at"}
MAX_DAYS = 90


def _params(required: bool) -> tuple[Param, ...]:
    when = gettext_lazy("yyyyMMdd or yyyyMMddHHmmss, Japan time.")
    return (
        Param("ClaimStat", type="choice", choices=tuple(statuses.CLAIM), help=CLAIM_STAT_HELP),
        Param("search_Sdate", type="datetime", required=required, help=when),
        Param("search_Edate", type="datetime", required=required, help=when),
        Param("search_condition", type="choice", choices=tuple(CLAIM_DATES), help=CONDITION_HELP),
    )


def _claims(call: Call, *, max_days: int | None) -> list[dict[str, Any]]:
    found: QuerySet[Claim] = Claim.objects.of(call.seller)
    if "ClaimStat" in call.params:
        found = found.filter(statuses.CLAIM[call.params["ClaimStat"]])
    field = CLAIM_DATES[call.params.get("search_condition", "1")]
    if field == "order":
        ordered = date_window(
            Order.objects.of(call.seller), call.params, "ordered_at", max_days=max_days
        )
        found = found.filter(order_no__in=ordered.values("order_no"))
    else:
        found = date_window(found, call.params, field, max_days=max_days)
    rows = bounded(found.order_by("opened_at", "pk"), _("claims"))
    orders = {
        o.order_no: o
        for o in Order.objects.of(call.seller).filter(order_no__in={c.order_no for c in rows})
    }
    return [order_rows.claim_row(c, orders.get(c.order_no)) for c in rows]


@method(
    "ShippingBasic.GetClaimInfo_V3",
    params=_params(required=True),
    summary=gettext_lazy("Your claims (cancellations, returns, exchanges, not received)."),
    notes=gettext_lazy("The window is at most 90 days, as the guide's notes say."),
)
def get_claim_info_v3(call: Call) -> list[dict[str, Any]]:
    return _claims(call, max_days=MAX_DAYS)


LEGACY_NOTES = gettext_lazy(
    "Live but undocumented: GetClaimInfo_V3's parameters and rows, the dates optional."
)
for legacy in ("ShippingBasic.GetClaimInfo_V2", "ShippingBasic.GetClaimInfo"):
    method(
        legacy,
        params=_params(required=False),
        summary=gettext_lazy("The older claim list."),
        notes=LEGACY_NOTES,
    )(lambda call: _claims(call, max_days=None))


@method(
    "Claim.SetCancelProcess",
    writes=True,
    params=(
        Param(
            "ContrNo",
            required=True,
            max_length=30,
            field="order_no",
            help=gettext_lazy("The order number."),
        ),
        Param(
            "CancelReason",
            type="choice",
            choices=claims.CANCEL_REASONS[1:],
            field="cancel_reason",
            help=gettext_lazy(
                "Empty: out of stock (the default); 1 the order was changed, 2 cannot be "
                "delivered there, 3 shipping delay."
            ),
        ),
        Param("SellerMemo", max_length=claims.MAX_MEMO, field="seller_memo"),
        Param("returnFeeStat", help=gettext_lazy("Not used; send it empty.")),
    ),
    summary=gettext_lazy(
        "Cancel an order not shipped yet (accepting the buyer's cancellation request)."
    ),
)
def set_cancel_process(call: Call) -> None:
    assert call.seller is not None
    claims.order_cancel(
        actor=call.actor,
        seller=call.seller,
        order_no=call.params["ContrNo"].strip(),
        reason=call.params.get("CancelReason", ""),
        memo=call.params.get("SellerMemo", ""),
    )


ORDER = Param("orderNo", required=True, max_length=30, field="order_no")


def _address_params(prefix: str, phone_limit: int) -> tuple[Param, ...]:
    return (
        Param(f"{prefix}_name", max_length=200, field="name"),
        Param(f"{prefix}_zip_code", max_length=10, field="zip"),
        Param(f"{prefix}_front_address", max_length=200, field="address1"),
        Param(f"{prefix}_back_address", max_length=200, field="address2"),
        Param(f"{prefix}_hp_no", max_length=phone_limit, field="mobile"),
        Param(f"{prefix}_tel_no", max_length=phone_limit, field="tel"),
    )


def _address(call: Call, prefix: str) -> dict[str, str]:
    parts = {"name": "name", "zip": "zip_code", "address1": "front_address"}
    parts.update(address2="back_address", mobile="hp_no", tel="tel_no")
    return {key: call.params.get(f"{prefix}_{wire}", "") for key, wire in parts.items()}


@method(
    "Claim.SetClaimAccept",
    writes=True,
    params=(ORDER, *_address_params("seller", 200)),
    summary=gettext_lazy(
        "Approve the order's return or exchange request, with the address it comes back to."
    ),
)
def set_claim_accept(call: Call) -> None:
    assert call.seller is not None
    claims.claim_accept(
        actor=call.actor,
        seller=call.seller,
        order_no=call.params["orderNo"].strip(),
        return_to=_address(call, "seller"),
    )


@method(
    "Claim.SetClaimRedelivery",
    writes=True,
    params=(
        ORDER,
        Param(
            "redelivery_date",
            type="datetime",
            required=True,
            help=gettext_lazy("yyyy-MM-dd or yyyy-MM-dd HH:mm:ss, Japan time."),
        ),
        Param("invoice_no", max_length=50, field="tracking_no"),
        Param(
            "del_comapny_name",  # sic: the marketplace's spelling
            max_length=200,
            field="delivery_company",
            aliases=("del_company_name",),
        ),
        *_address_params("rcv", 20),
    ),
    summary=gettext_lazy("Record the re-shipment of an exchanged item."),
)
def set_claim_redelivery(call: Call) -> None:
    assert call.seller is not None
    claims.claim_redeliver(
        actor=call.actor,
        seller=call.seller,
        order_no=call.params["orderNo"].strip(),
        redelivery_date=call.params["redelivery_date"],
        tracking_no=call.params.get("invoice_no", ""),
        company=call.params.get("del_comapny_name", ""),
        receiver=_address(call, "rcv"),
    )
