"""ItemsBasic: register an item, update it, change its status."""

from __future__ import annotations

import dataclasses
from typing import Any

from django.utils.translation import gettext_lazy

from sellergate.catalog import attributes, selectors, services
from sellergate.catalog.models import ItemStatus, Product
from sellergate.qapi.methods.item_fields import (
    IDENTIFY,
    ITEM_CODE,
    ITEM_FIELDS,
    NEW_REQUIRED,
    UPDATE_LIMITS,
    call_product,
    catalog_values,
    with_limits,
    with_required,
)
from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call, method


@method(
    "ItemsBasic.SetNewGoods",
    notes=gettext_lazy(
        "SellerCode may be left out (the item code then serves); AvailableDateType and "
        "AvailableDateValue may be left out (standard shipping, type 0); RetailPrice 0 means "
        "unknown, as the guide's text says."
    ),
    versions=("1.1",),
    writes=True,
    params=with_required(ITEM_FIELDS, NEW_REQUIRED),
    summary=gettext_lazy("Register a new item; answers its item code (GdNo)."),
)
def set_new_goods(call: Call) -> dict[str, Any]:
    """Answers the guide's fields: the item code (GdNo), its shipping group
    (delivery_group_no), and zeros or empty lists for what sellergate does not make
    (header/footer contents numbers, group buying, brand review, option images: sent
    with EditInventoryImage/EditAdditionalOptionImage instead), then the seller code."""
    assert call.seller is not None
    product = services.product_create(
        actor=call.actor, seller=call.seller, values=catalog_values(call)
    )
    return new_item_answer(product)


def new_item_answer(product: Product) -> dict[str, Any]:
    return {
        "GdNo": product.item_code,
        "BIContentsNo": 0,
        "AIContentsNo": 0,
        "delivery_group_no": product.shipping_no,
        "GroupbuyNo": 0,
        "QaBrandResult": "",
        "optionImgResult": [],
        "InventoryImgResult": [],
        "SellerCode": product.seller_code,
    }


def _option_group(name: str, position: int) -> Param:
    return Param(
        name,
        type="int",
        minimum=0,
        maximum=9_999_999_999,
        field=f"sub_shipping_{position}",
        help=gettext_lazy("A further shipping group the buyer may choose; 0 or empty: none."),
    )


@method(
    "ItemsBasic.UpdateGoods",
    notes=gettext_lazy(
        "Only the parameters sent are changed: the six the guide requires may be left out."
    ),
    versions=("1.1",),
    writes=True,
    params=(
        dataclasses.replace(ITEM_CODE, required=True),
        *with_limits(ITEM_FIELDS, UPDATE_LIMITS),
        _option_group("OptionShippingNo1", 1),
        _option_group("OptionShippingNo2", 2),
    ),
    summary=gettext_lazy("Change an item: only the parameters given are changed."),
)
def update_goods(call: Call) -> dict[str, Any]:
    """Only what is sent changes: the guide requires six fields here, but an integration
    that sends them all loses nothing when a partial update is allowed."""
    assert call.seller is not None
    product = selectors.product_get(call.seller, item_code=call.params["ItemCode"], for_update=True)
    values = catalog_values(call, product.extra)
    if "OptionShippingNo1" in call.params or "OptionShippingNo2" in call.params:
        product.extra = values.get("extra", product.extra)
        values["extra"] = attributes.with_sub_delivery(
            product, [call.params.get("OptionShippingNo1"), call.params.get("OptionShippingNo2")]
        )
    product = services.product_update(actor=call.actor, product=product, values=values)
    return {"GdNo": product.item_code, "SellerCode": product.seller_code}


STATUS_CODES = {"1": ItemStatus.WAITING, "2": ItemStatus.ON_SALE, "3": ItemStatus.DISCONTINUED}


STATUS_PARAMS = (
    *IDENTIFY,
    Param(
        "Status",
        type="choice",
        choices=tuple(STATUS_CODES),
        required=True,
        help=gettext_lazy("1 not on sale (S1), 2 on sale (S2), 3 discontinued (S3)."),
    ),
)


@method(
    "ItemsBasic.EditGoodsStatus",
    writes=True,
    params=STATUS_PARAMS,
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


@method(
    "ItemsBasic.EditItemCondition",
    notes=gettext_lazy(
        "Kept as the item template's item_condition_type: N is 1, U with UseCondition 1 to 6 is 2 "
        "to 7, U alone is like new. A UseCondition sent with N is ignored."
    ),
    writes=True,
    params=(
        *IDENTIFY,
        Param(
            "ItemCondition",
            type="choice",
            choices=("N", "U"),
            required=True,
            field="item_condition_type",
            help=gettext_lazy("N new, U used."),
        ),
        Param(
            "UseCondition",
            type="choice",
            choices=("1", "2", "3", "4", "5", "6"),
            field="item_condition_type",
            help=gettext_lazy(
                "For a used item: 1 refurbished, 2 unused, 3 like new (also when empty), "
                "4 good, 5 visibly worn, 6 not working."
            ),
        ),
    ),
    summary=gettext_lazy("Mark an item new or used, and grade a used one."),
)
def edit_item_condition(call: Call) -> dict[str, Any]:
    product = call_product(call, for_update=True)
    grade = call.params.get("UseCondition")
    extra = attributes.with_condition(
        product, used=call.params["ItemCondition"] == "U", grade=int(grade) if grade else None
    )
    product = services.product_update(actor=call.actor, product=product, values={"extra": extra})
    return {"ItemCode": product.item_code, "ItemCondition": call.params["ItemCondition"]}


@method(
    "ItemsBasic.SetGoodsSubDeliveryGroup",
    notes=gettext_lazy(
        "The groups must be yours (GetSellerDeliveryGroupInfo); 0 or empty offers none."
    ),
    writes=True,
    params=(*IDENTIFY, _option_group("AddSRcode1", 1), _option_group("AddSRcode2", 2)),
    summary=gettext_lazy("Offer up to two further shipping groups for an item."),
)
def set_goods_sub_delivery_group(call: Call) -> dict[str, Any]:
    product = call_product(call, for_update=True)
    extra = attributes.with_sub_delivery(
        product, [call.params.get("AddSRcode1"), call.params.get("AddSRcode2")]
    )
    product = services.product_update(actor=call.actor, product=product, values={"extra": extra})
    return {"ItemCode": product.item_code, "SubDeliveryGroups": extra["sub_shipping_numbers"]}
