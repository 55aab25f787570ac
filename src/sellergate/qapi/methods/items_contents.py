"""ItemsContents: an item's description and images."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from sellergate.catalog import images, services
from sellergate.qapi.methods.item_fields import (
    IDENTIFY,
    call_product,
)
from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call, method


@method(
    "ItemsContents.EditGoodsContents",
    writes=True,
    params=(*IDENTIFY, Param("Contents", required=True, max_length=40000, field="description")),
    summary=gettext_lazy("Replace an item's description (HTML allowed, shown sanitised)."),
)
def edit_goods_contents(call: Call) -> dict[str, Any]:
    product = services.product_update(
        actor=call.actor,
        product=call_product(call),
        values={"description": call.params["Contents"]},
    )
    return {"ItemCode": product.item_code}


@method(
    "ItemsContents.EditGoodsImage",
    writes=True,
    params=(*IDENTIFY, Param("StandardImage", required=True, max_length=500, field="image_main")),
    summary=gettext_lazy("Replace an item's main image."),
)
def edit_goods_image(call: Call) -> dict[str, Any]:
    product = services.product_update(
        actor=call.actor,
        product=call_product(call),
        values={"image_main": call.params["StandardImage"]},
    )
    return {
        "ItemCode": product.item_code,
        "ImageUrl": images.url(product.seller.login_id, product.image_main),
    }


ENLARGED = tuple(
    Param(f"EnlargedImage{n}", max_length=500, field="images_other") for n in range(1, 12)
)


@method(
    "ItemsContents.EditGoodsMultiImage",
    writes=True,
    params=(*IDENTIFY, *ENLARGED),
    summary=gettext_lazy("Replace an item's other images (EnlargedImage1 to 11; none = clear)."),
)
def edit_goods_multi_image(call: Call) -> dict[str, Any]:
    images = [call.params[p.name] for p in ENLARGED if p.name in call.params]
    product = services.product_update(
        actor=call.actor, product=call_product(call), values={"images_other": images}
    )
    return {"ItemCode": product.item_code, "EnlargedImages": product.images_other}
