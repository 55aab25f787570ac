"""ItemsBasic: register an item, update it, change its status."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from sellergate.catalog import selectors, services
from sellergate.catalog.models import ItemStatus
from sellergate.qapi.methods.item_fields import (
    IDENTIFY,
    ITEM_FIELDS,
    NEW_REQUIRED,
    call_product,
    catalog_values,
    with_required,
)
from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call, method


@method(
    "ItemsBasic.SetNewGoods",
    versions=("1.1",),
    writes=True,
    params=with_required(ITEM_FIELDS, NEW_REQUIRED),
    summary=gettext_lazy("Register a new item; answers its item code (GdNo)."),
)
def set_new_goods(call: Call) -> dict[str, Any]:
    assert call.seller is not None
    product = services.product_create(
        actor=call.actor, seller=call.seller, values=catalog_values(call)
    )
    return {"GdNo": product.item_code, "SellerCode": product.seller_code}


@method(
    "ItemsBasic.UpdateGoods",
    versions=("1.1",),
    writes=True,
    params=(Param("ItemCode", required=True, max_length=20, field="item_code"), *ITEM_FIELDS),
    summary=gettext_lazy("Change an item: only the parameters given are changed."),
)
def update_goods(call: Call) -> dict[str, Any]:
    assert call.seller is not None
    product = selectors.product_get(call.seller, item_code=call.params["ItemCode"])
    product = services.product_update(
        actor=call.actor, product=product, values=catalog_values(call)
    )
    return {"GdNo": product.item_code, "SellerCode": product.seller_code}


STATUS_CODES = {"1": ItemStatus.WAITING, "2": ItemStatus.ON_SALE, "3": ItemStatus.DISCONTINUED}


@method(
    "ItemsBasic.EditGoodsStatus",
    writes=True,
    params=(
        *IDENTIFY,
        Param(
            "Status",
            type="choice",
            choices=tuple(STATUS_CODES),
            required=True,
            help=gettext_lazy("1 not on sale (S1), 2 on sale (S2), 3 discontinued (S3)."),
        ),
    ),
    summary=gettext_lazy("Put an item on sale, take it off sale, or discontinue it."),
)
def edit_goods_status(call: Call) -> dict[str, Any]:
    product = services.product_update(
        actor=call.actor,
        product=call_product(call),
        values={"status": STATUS_CODES[call.params["Status"]]},
        action="product.status",
    )
    return {"ItemCode": product.item_code, "ItemStatus": product.status}
