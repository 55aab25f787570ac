"""ItemsOrder: price and stock, one item or many in one call."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from sellergate.catalog import attributes, services
from sellergate.catalog.models import Product
from sellergate.qapi.methods import rows
from sellergate.qapi.methods.item_fields import (
    EXPIRE_DATE,
    IDENTIFY,
    START_DATE,
    call_product,
)
from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call, method

PRICE_QTY = (
    *IDENTIFY,
    Param("Price", type="int", minimum=1, maximum=100_000_000, field="price"),
    Param("TaxRate", type="choice", choices=("S", "10", "8", "0"), field="tax_rate"),
    Param("Qty", type="int", minimum=0, maximum=999_999, field="quantity"),
    EXPIRE_DATE,
    START_DATE,
)


def _price_qty_values(product: Product, params: dict[str, Any]) -> dict[str, Any]:
    fields = {
        "Price": "price",
        "TaxRate": "tax_rate",
        "Qty": "quantity",
        "ExpireDate": "sale_ends_on",
    }
    values = {field: params[name] for name, field in fields.items() if name in params}
    if "StartDate" in params:
        # Kept under the item template's own key, as a bulk file's start_date column.
        values["extra"] = {**product.extra, "start_date": params["StartDate"]}
    return values


@method(
    "ItemsOrder.SetGoodsPriceQty",
    versions=("1.1",),
    writes=True,
    params=PRICE_QTY,
    summary=gettext_lazy("Change an item's price, stock, tax rate or last day of sale."),
)
def set_goods_price_qty(call: Call) -> dict[str, Any]:
    product = call_product(call, for_update=True)
    product = services.product_update(
        actor=call.actor,
        product=product,
        values=_price_qty_values(product, call.params),
        action="product.price_qty",
    )
    return {"ItemCode": product.item_code, "Price": product.price, "Qty": product.quantity}


@method(
    "ItemsOrder.SetGoodsPriceQtyBulk",
    notes=gettext_lazy(
        "The answer is one row per input row (ItemCode, SellerCode, ResultCode, ResultMsg), not "
        "the guide's Count/Keys/Values, whose real shape is unknown; up to 500 rows, as the "
        "guide's text says."
    ),
    versions=("1.1",),
    writes=True,
    params=(
        Param(
            "ItemInfoJson",
            required=True,
            max_length=1_000_000,
            help=gettext_lazy(
                "A JSON array of up to 500 objects with the fields of "
                'SetGoodsPriceQty, e.g. [{"ItemCode": "…", "Qty": 5}].'
            ),
        ),
    ),
    summary=gettext_lazy("SetGoodsPriceQty for up to 500 items; a result per item."),
)
def set_goods_price_qty_bulk(call: Call) -> list[dict[str, Any]]:
    def apply(product: Product, values: dict[str, Any]) -> None:
        services.product_update(
            actor=call.actor,
            product=product,
            values=_price_qty_values(product, values),
            action="product.price_qty",
        )

    return rows.each_row(call, "ItemInfoJson", PRICE_QTY, apply)


@method(
    "ItemsOrder.EditGoodsOrderLimit",
    notes=gettext_lazy(
        "Kept as the item template's buy limit: LimitType 0 (per order) is its type 1, LimitType 1"
        " (per buyer) its type 2 (per buyer per day)."
    ),
    writes=True,
    params=(
        *IDENTIFY,
        Param(
            "LimitType",
            type="choice",
            choices=("0", "1"),
            field="buy_limit_type",
            help=gettext_lazy("0 a cap per order (default), 1 a cap per buyer."),
        ),
        Param(
            "LimitCnt",
            type="int",
            minimum=0,
            maximum=999_999,
            field="buy_limit_qty",
            help=gettext_lazy("How many may be bought; empty with LimitType 0: no cap."),
        ),
        Param("EndDate", type="date", max_length=10, field="buy_limit_date"),
    ),
    summary=gettext_lazy("Cap how many of an item one order or one buyer may buy."),
)
def edit_goods_order_limit(call: Call) -> dict[str, Any]:
    product = call_product(call, for_update=True)
    extra = attributes.with_order_limit(
        product,
        per_buyer=call.params.get("LimitType") == "1",
        count=call.params.get("LimitCnt"),
        until=call.params.get("EndDate"),
    )
    product = services.product_update(actor=call.actor, product=product, values={"extra": extra})
    return {"ItemCode": product.item_code, "LimitCnt": extra.get("buy_limit_qty", "")}


DISCOUNT_PARAMS = (
    *IDENTIFY,
    Param(
        "DiscountType",
        type="choice",
        choices=("0", "1", "2"),
        required=True,
        help=gettext_lazy("0 none (removes it), 1 percent, 2 yen off."),
    ),
    Param(
        "CostPrice",
        type="int",
        minimum=0,
        maximum=999_999_999,
        field="discount_amount",
        help=gettext_lazy("1–49 (percent) or 0–999999999 (yen)."),
    ),
    Param("BeginDate", type="date", max_length=10, field="discount_begins"),
    Param("EndDate", type="date", max_length=10, field="discount_ends"),
)


@method(
    "ItemsOrder.UpdateItemDiscount",
    writes=True,
    params=DISCOUNT_PARAMS,
    summary=gettext_lazy("Set or remove the seller's discount on an item, for dates."),
)
def update_item_discount(call: Call) -> dict[str, Any]:
    product = call_product(call, for_update=True)
    extra = attributes.with_discount(
        product,
        kind=call.params["DiscountType"],
        amount=call.params.get("CostPrice"),
        begins=call.params.get("BeginDate"),
        ends=call.params.get("EndDate"),
    )
    product = services.product_update(actor=call.actor, product=product, values={"extra": extra})
    return {"ItemCode": product.item_code, "Discount": extra.get("discount", {})}
