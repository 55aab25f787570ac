"""ShippingBasic: the seller's orders — list them, confirm them, ship them."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy

from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call, method
from sellergate.sellers import actions
from sellergate.sellers.models import Order

# ShippingStat: where an order stands, derived from its dates.
SHIPPING_STATES = {
    "1": Q(seller_checked_at__isnull=True, shipped_at__isnull=True),  # 配送要請 to confirm
    "2": Q(seller_checked_at__isnull=False, shipped_at__isnull=True),  # 配送準備 confirmed
    "3": Q(shipped_at__isnull=False, delivered_at__isnull=True),  # 配送中 shipped
    "4": Q(delivered_at__isnull=False, completed_at__isnull=True),  # 配送完了 delivered
    "5": Q(completed_at__isnull=False),  # 購入決定 the buyer confirmed receipt
}
# search_condition: which date search_Sdate/search_Edate bound.
DATE_FIELDS = {"1": "ordered_at", "2": "paid_at", "3": "shipped_at", "4": "delivered_at"}

SEARCH = (
    Param("search_Sdate", type="datetime", help=gettext_lazy("From, yyyyMMdd[HHmmss].")),
    Param("search_Edate", type="datetime", help=gettext_lazy("Until, yyyyMMdd[HHmmss].")),
    Param(
        "search_condition",
        type="choice",
        choices=tuple(DATE_FIELDS),
        help=gettext_lazy("Which date: 1 ordered, 2 paid, 3 shipped, 4 delivered."),
    ),
)


def shipping_status(order: Order) -> str:
    if order.completed_at:
        return "5"
    if order.delivered_at:
        return "4"
    if order.shipped_at:
        return "3"
    return "2" if order.seller_checked_at else "1"


def date_window(queryset: QuerySet[Any], params: dict[str, Any], field: str) -> QuerySet[Any]:
    """Bound ``field`` by search_Sdate / search_Edate (a bare end date includes its day)."""
    if "search_Sdate" in params:
        queryset = queryset.filter(**{f"{field}__gte": params["search_Sdate"]})
    if "search_Edate" in params:
        end = params["search_Edate"]
        if end.hour == end.minute == end.second == 0:  # a bare date: the whole day
            end = end.replace(hour=23, minute=59, second=59)
        queryset = queryset.filter(**{f"{field}__lte": end})
    return queryset


def order_info(order: Order) -> dict[str, Any]:
    return {
        "orderNo": order.order_no,
        "packNo": order.pack_no,
        "shippingStatus": shipping_status(order),
        "itemCode": order.item_code,
        "itemTitle": order.item_title,
        "sellerItemCode": order.seller_item_code,
        "orderQty": order.quantity,
        "orderPrice": order.price,
        "orderDate": order.ordered_at,
        "PaymentDate": order.paid_at,
        "ShippingDate": order.shipped_at,
        "EstShippingDate": order.estimated_ship_date,
        "ShipByDate": order.ship_by,
        "DeliveredDate": order.delivered_at,
        "DeliveryCompany": order.delivery_company,
        "TrackingNo": order.tracking_no,
        "receiver": order.receiver_name,
        "zipCode": order.receiver_zip,
        "shippingAddr": order.receiver_address,
        "receiverMobile": order.receiver_phone,
        "Cancelled": order.cancelled_at is not None,
    }


@method(
    "ShippingBasic.GetShippingInfo_v2",
    params=(
        Param(
            "ShippingStat",
            type="choice",
            choices=tuple(SHIPPING_STATES),
            required=True,
            help=gettext_lazy(
                "1 to confirm, 2 confirmed, 3 shipped, 4 delivered, "
                "5 receipt confirmed by the buyer."
            ),
        ),
        *SEARCH,
    ),
    summary=gettext_lazy("Your orders in a shipping state, optionally within dates."),
)
def get_shipping_info(call: Call) -> list[dict[str, Any]]:
    orders: QuerySet[Order] = (
        Order.objects.of(call.seller)
        .filter(cancelled_at__isnull=True)
        .filter(SHIPPING_STATES[call.params["ShippingStat"]])
    )
    field = DATE_FIELDS[call.params.get("search_condition", "1")]
    orders = date_window(orders, call.params, field).order_by("ordered_at")
    return [order_info(o) for o in orders[:1000]]


@method(
    "ShippingBasic.SetSendingInfo",
    writes=True,
    params=(
        Param("OrderNo", required=True, max_length=30, field="order_no"),
        Param(
            "ShippingCorp",
            required=True,
            max_length=50,
            field="delivery_company",
            help=gettext_lazy("Carrier name, e.g. ヤマト運輸."),
        ),
        Param("TrackingNo", max_length=50, field="tracking_no"),
    ),
    summary=gettext_lazy(
        "Mark an order shipped with carrier and tracking number; it is no longer late."
    ),
)
def set_sending_info(call: Call) -> dict[str, Any]:
    assert call.seller is not None
    order = actions.order_ship(
        actor=call.actor,
        seller=call.seller,
        order_no=call.params["OrderNo"],
        delivery_company=call.params["ShippingCorp"],
        tracking_no=call.params.get("TrackingNo", ""),
    )
    return {"OrderNo": order.order_no, "ShippingDate": order.shipped_at}


@method(
    "ShippingBasic.SetSellerCheckYN_V2",
    writes=True,
    params=(
        Param("OrderNo", required=True, max_length=30, field="order_no"),
        Param(
            "EstShipDt",
            type="date",
            required=True,
            field="estimated_ship_date",
            help=gettext_lazy("Estimated shipping date, yyyyMMdd."),
        ),
        Param(
            "DelayType",
            type="choice",
            choices=tuple(actions.DELAY_TYPES),
            field="delay_type",
            help=gettext_lazy(
                "When shipping after the ship-by date: 1 restocking, 2 made "
                "to order, 3 carrier, 4 buyer's request, 5 other."
            ),
        ),
        Param("DelayMemo", max_length=500, field="delay_memo"),
    ),
    summary=gettext_lazy("Confirm an order and its estimated shipping date."),
)
def set_seller_check(call: Call) -> dict[str, Any]:
    assert call.seller is not None
    order = actions.order_confirm(
        actor=call.actor,
        seller=call.seller,
        order_no=call.params["OrderNo"],
        estimated_ship_date=call.params["EstShipDt"],
        delay_type=call.params.get("DelayType", ""),
        delay_memo=call.params.get("DelayMemo", ""),
    )
    return {"OrderNo": order.order_no, "EstShippingDate": order.estimated_ship_date}
