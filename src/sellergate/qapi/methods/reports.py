"""The settlement reports (``GetSellingReport*``), derived from the orders: what each
order line sold for and what the seller is paid, the delivery fees per pack, and the
discounts. Answered as XML whatever returnType asks for (the guide declares an XML
document for each).

The guide gives no element layout. Each answer's ``ResultObject`` holds a ``Summary``
(the row count and the sums, in yen) and the rows, one element per line
(``<Detail>``), fields named like GetShippingInfo_v3's. Where it is silent:
SearchCondition 1 bounds the payment date, 2 the shipping date (the guide's two), 3 the
delivered date and 4 the purchase confirmation (the enum allows them; their meanings
are sellergate's); cancelled orders are not sold and are left out; ``CartNo`` is the
pack number.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sellergate.qapi.methods.order_rows import number, when
from sellergate.qapi.methods.windows import bounded, date_window
from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call, method
from sellergate.sellers.models import Order

DATE_FIELDS = {"1": "paid_at", "2": "shipped_at", "3": "delivered_at", "4": "completed_at"}
PARAMS = (
    Param(
        "SearchCondition",
        type="choice",
        required=True,
        choices=tuple(DATE_FIELDS),
        help=gettext_lazy("1 payment date, 2 shipping date, 3 delivered, 4 purchase confirmed."),
    ),
    Param(
        "Search_Sdate",
        type="datetime",
        required=True,
        help=gettext_lazy("yyyy-MM-dd or yyyy-MM-dd HH:mm:ss, Japan time."),
    ),
    Param(
        "Search_Edate",
        type="datetime",
        required=True,
        help=gettext_lazy("yyyy-MM-dd or yyyy-MM-dd HH:mm:ss, Japan time."),
    ),
    Param("CartNo", max_length=50, help=gettext_lazy("Only this cart (pack number).")),
    Param("Currency", type="choice", required=True, choices=("JPY",)),
)


def _orders(call: Call) -> list[Order]:
    orders: QuerySet[Order] = Order.objects.of(call.seller).filter(cancelled_at__isnull=True)
    field = DATE_FIELDS[call.params["SearchCondition"]]
    orders = date_window(orders, call.params, field, ("Search_Sdate", "Search_Edate"))
    if "CartNo" in call.params:
        orders = orders.filter(pack_no=call.params["CartNo"].strip())
    return bounded(orders.order_by(field, "order_no"), _("orders"))


def _dates(order: Order) -> dict[str, Any]:
    return {
        "PaymentDate": when(order.paid_at),
        "ShippingDate": when(order.shipped_at),
        "DeliveredDate": when(order.delivered_at),
        "Currency": order.currency,
    }


def _report(rows: list[dict[str, Any]], sums: tuple[str, ...]) -> dict[str, Any]:
    summary: dict[str, Any] = {"Count": len(rows)}
    summary.update({name: sum(row[name] for row in rows) for name in sums})
    return {"Summary": summary, "Details": rows}


def _detail(order: Order) -> dict[str, Any]:
    return {
        "OrderNo": number(order.order_no),
        "PackNo": number(order.pack_no or order.order_no),
        "ItemNo": order.item_code,
        "SellerItemCode": order.seller_item_code,
        "ItemTitle": order.item_title,
        "Option": order.option_text,
        "OrderQty": order.quantity,
        "OrderPrice": order.price,
        "Discount": order.discount,
        "Total": order.total,
        "ServiceFee": order.service_fee,
        "CartDiscountSeller": order.cart_discount_seller,
        "SettlePrice": order.settle_price,
        **_dates(order),
    }


def _delivery_fee(order: Order) -> dict[str, Any]:
    return {
        "PackNo": number(order.pack_no or order.order_no),
        "OrderNo": number(order.order_no),
        "ShippingRateType": order.shipping_rate_type,
        "ShippingRate": order.shipping_rate,
        **_dates(order),
    }


def _discount_fee(order: Order) -> dict[str, Any]:
    return {
        "OrderNo": number(order.order_no),
        "PackNo": number(order.pack_no or order.order_no),
        "Discount": order.discount,
        "SellerDiscount": order.seller_discount,
        "CartDiscountSeller": order.cart_discount_seller,
        "CartDiscountQoo10": order.cart_discount_marketplace,
        **_dates(order),
    }


def _register(
    name: str,
    summary: Promise | str,
    line: Callable[[Order], dict[str, Any]],
    keep: Callable[[Order], bool],
    sums: tuple[str, ...],
) -> None:
    def report(call: Call) -> dict[str, Any]:
        return _report([line(o) for o in _orders(call) if keep(o)], sums)

    method(name, params=PARAMS, summary=summary, xml_only=True)(report)


_register(
    "ShippingBasic.GetSellingReportDetailList",
    gettext_lazy("Settlement: each order line, what it sold for and what you are paid (XML)."),
    _detail,
    lambda order: True,
    ("Total", "ServiceFee", "CartDiscountSeller", "SettlePrice"),
)
_register(
    "ShippingBasic.GetSellingReportDeliveryFeeDetailList",
    gettext_lazy("Settlement: the delivery fees, per cart (XML)."),
    _delivery_fee,
    lambda order: order.shipping_rate > 0,
    ("ShippingRate",),
)
_register(
    "ShippingBasic.GetSellingReportDiscountFeeDetailList",
    gettext_lazy("Settlement: the discounts on each order line (XML)."),
    _discount_fee,
    lambda order: bool(
        order.discount or order.cart_discount_seller or order.cart_discount_marketplace
    ),
    ("Discount", "SellerDiscount", "CartDiscountSeller", "CartDiscountQoo10"),
)
