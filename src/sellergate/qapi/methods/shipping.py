"""ShippingBasic's order lists: the seller's orders by shipping status and date window.

``GetShippingInfo_v3`` answers the guide's v3 rows; ``GetShippingInfo_Logistics`` the
same rows (the guide calls it an envelope, its fields are v3's list), filtered by whether
the buyer edited the receiver; the legacy ``GetShippingInfo_v2`` and ``GetShippingInfo``
(live, undocumented) take the same filters under their older names and answer the v2
rows public v2 clients read. Status 0 or none: the open orders (1 to 3), see
``sellers.statuses``; a cancelled order is listed by the claim lists only.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sellergate.qapi.codes import ApiError, Result
from sellergate.qapi.envelope import PlainRows
from sellergate.qapi.methods import order_rows
from sellergate.qapi.methods.windows import bounded, date_window
from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call, method
from sellergate.sellers import statuses
from sellergate.sellers.models import Claim, Order

STATUS_CODES = ("0", *statuses.SHIPPING)
STATUS_HELP = gettext_lazy(
    "1 awaiting payment, 2 paid and waiting for you (new orders), 3 confirmed by you, "
    "4 shipped, 5 delivered; 0 or empty: 1 to 3."
)
#: SearchCondition / search_condition: which date the window bounds.
DATE_FIELDS = {"1": "ordered_at", "2": "paid_at", "3": "shipped_at", "4": "delivered_at"}
DATE_HELP = gettext_lazy("Which date: 1 ordered (default), 2 paid, 3 shipped, 4 delivered.")
WHEN_HELP = gettext_lazy("yyyyMMdd or yyyyMMddHHmmss, Japan time.")


def _orders(call: Call, status: str, dates: tuple[str, str], condition: str) -> list[Any]:
    """The orders as rows of their fields (named tuples: no model per row)."""
    orders: QuerySet[Order] = Order.objects.of(call.seller)
    orders = orders.filter(statuses.SHIPPING.get(status, statuses.OPEN_ORDERS))
    orders = date_window(orders, call.params, DATE_FIELDS[condition], dates)
    rows = orders.order_by("ordered_at", "order_no").values_list(named=True)
    return bounded(rows, _("orders"))


V3_PARAMS = (
    Param("ShippingStatus", type="choice", choices=STATUS_CODES, help=STATUS_HELP),
    Param("SearchStartDate", type="datetime", help=WHEN_HELP),
    Param("SearchEndDate", type="datetime", help=WHEN_HELP),
    Param("SearchCondition", type="choice", choices=tuple(DATE_FIELDS), help=DATE_HELP),
)


def _v3(call: Call, orders: list[Any]) -> list[dict[str, Any]]:
    assert call.seller is not None
    login_id = order_rows.seller_login(call.seller)
    related = order_rows.related_orders(orders)
    return PlainRows(order_rows.v3_row(o, login_id, related.get(o.order_no, "")) for o in orders)


@method(
    "ShippingBasic.GetShippingInfo_v3",
    params=V3_PARAMS,
    summary=gettext_lazy("Your orders by shipping status, within a date window."),
    notes=gettext_lazy(
        "ShippingStatus 0 or empty lists the orders still to ship (1 to 3). At most "
        "10 000 rows; more is refused, asking for a shorter window."
    ),
)
def get_shipping_info_v3(call: Call) -> list[dict[str, Any]]:
    return _v3(call, _v3_orders(call))


def _v3_orders(call: Call) -> list[Any]:
    params = call.params
    return _orders(
        call,
        params.get("ShippingStatus", "0"),
        ("SearchStartDate", "SearchEndDate"),
        params.get("SearchCondition", "1"),
    )


@method(
    "ShippingBasic.GetShippingInfo_Logistics",
    params=(
        *V3_PARAMS,
        Param(
            "ReceiverInfoEditYN",
            type="yn",
            help=gettext_lazy(
                "Y: only orders whose receiver the buyer edited; N: only the others."
            ),
        ),
    ),
    summary=gettext_lazy("GetShippingInfo_v3 for logistics partners."),
)
def get_shipping_info_logistics(call: Call) -> list[dict[str, Any]]:
    orders = _v3_orders(call)
    if "ReceiverInfoEditYN" in call.params:  # the rows carry the flag: no second query
        edited = call.params["ReceiverInfoEditYN"]
        orders = [o for o in orders if o.receiver_edited == edited]
    return _v3(call, orders)


LEGACY_PARAMS = (
    Param("ShippingStat", type="choice", choices=STATUS_CODES, help=STATUS_HELP),
    Param("search_Sdate", type="datetime", help=WHEN_HELP),
    Param("search_Edate", type="datetime", help=WHEN_HELP),
    Param("search_condition", type="choice", choices=tuple(DATE_FIELDS), help=DATE_HELP),
)
LEGACY_NOTES = gettext_lazy(
    "Live but undocumented: the parameters public clients send, and the v2 rows "
    "(lower camel: orderNo, packNo, receiver_gata, Addr1 …)."
)


def _legacy(call: Call) -> list[dict[str, Any]]:
    assert call.seller is not None
    params = call.params
    orders = _orders(
        call,
        params.get("ShippingStat", "0"),
        ("search_Sdate", "search_Edate"),
        params.get("search_condition", "1"),
    )
    login_id = order_rows.seller_login(call.seller)
    return PlainRows(order_rows.v2_row(o, login_id) for o in orders)


method(
    "ShippingBasic.GetShippingInfo_v2",
    params=LEGACY_PARAMS,
    summary=gettext_lazy("The older order list (v2 rows)."),
    notes=LEGACY_NOTES,
)(_legacy)
method(
    "ShippingBasic.GetShippingInfo",
    params=LEGACY_PARAMS,
    summary=gettext_lazy("The oldest order list (v2 rows)."),
    notes=LEGACY_NOTES,
)(_legacy)


@method(
    "ShippingBasic.GetShippingAndClaimInfoByOrderNo_V2",
    params=(Param("OrderNo", required=True, max_length=10, field="order_no"),),
    summary=gettext_lazy("One order with its shipping and its latest claim."),
)
def get_shipping_and_claim(call: Call) -> list[dict[str, Any]]:
    assert call.seller is not None
    order_no = call.params["OrderNo"].strip()
    order = Order.objects.of(call.seller).filter(order_no=order_no).first()
    if order is None:
        raise ApiError(
            Result.NOT_FOUND, _("OrderNo %(no)s is not one of your orders.") % {"no": order_no}
        )
    claim = Claim.objects.of(call.seller).filter(order_no=order_no).order_by("-opened_at").first()
    row = order_rows.v2_row(order, order_rows.seller_login(call.seller))
    row.pop("Addr1"), row.pop("Addr2"), row.pop("EstShippingDate")
    return [{**row, **order_rows.claim_part(claim)}]
