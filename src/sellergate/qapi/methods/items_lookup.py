"""ItemsLookup: read items and the seller's shipping groups."""

from __future__ import annotations

import math
from typing import Any

from django.utils.translation import gettext_lazy

from sellergate.catalog import selectors
from sellergate.catalog.models import ItemStatus, ShippingGroup
from sellergate.qapi.methods.item_fields import (
    IDENTIFY,
    call_product,
    item_info,
)
from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call, method

PAGE_SIZE = 500


@method(
    "ItemsLookup.GetItemDetailInfo",
    versions=("1.1", "1.2"),
    params=IDENTIFY,
    summary=gettext_lazy("One item's details, by item code or seller item code."),
)
def get_item_detail_info(call: Call) -> list[dict[str, Any]]:
    return [item_info(call_product(call))]


@method(
    "ItemsLookup.GetAllGoodsInfo",
    params=(
        Param(
            "ItemStatus",
            type="choice",
            choices=tuple(ItemStatus.values),
            help=gettext_lazy(
                "S0 awaiting inspection, S1 not on sale, S2 on sale, S4 discontinued; empty = all."
            ),
        ),
        Param("Page", type="int", minimum=1, maximum=1_000_000),
    ),
    summary=gettext_lazy("Your items, 500 a page."),
)
def get_all_goods_info(call: Call) -> dict[str, Any]:
    assert call.seller is not None
    products = selectors.seller_products(call.seller).order_by("pk")
    if "ItemStatus" in call.params:
        products = products.filter(status=call.params["ItemStatus"])
    total = products.count()
    page = call.params.get("Page", 1)
    rows = products[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    return {
        "TotalItems": total,
        "TotalPages": math.ceil(total / PAGE_SIZE),
        "PresentPage": page,
        "Items": [item_info(p) for p in rows],
    }


@method(
    "ItemsLookup.GetSellerDeliveryGroupInfo",
    summary=gettext_lazy("Your shipping groups, for ShippingNo."),
)
def get_seller_delivery_group_info(call: Call) -> list[dict[str, Any]]:
    groups = ShippingGroup.objects.of(call.seller).order_by("number")
    return [
        {
            "ShippingNo": g.number,
            "ShippingName": g.name,
            "ShippingFee": g.fee,
            "FreeCondition": g.free_over or 0,
            "DeliveryCompany": g.carrier,
        }
        for g in groups
    ]
