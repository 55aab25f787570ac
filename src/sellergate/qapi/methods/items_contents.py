"""ItemsContents: an item's description, header and footer, and images.

Where the guide is silent: each of these answers, beyond the guide's envelope, the item
code and what was stored (clients that read only ResultCode/ResultMsg skip it). An
``EditGoodsMultiImage`` call replaces the whole set of other images with those it names
(EnlargedImage1…50, in that order; none clears them); ``EditGoodsHeaderFooter`` with
``EditHeaderYN=Y`` and no ``Header`` clears the header.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from sellergate.catalog import images, options, services
from sellergate.qapi.methods.item_fields import IDENTIFY, call_product
from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call, method

#: What the guide allows in an item's HTML description.
DESCRIPTION_CHARACTERS = 262_144
#: What the guide allows in a URL of an image.
IMAGE_URL = 200
ENLARGED_IMAGES = 50
HEADER_FOOTER = 2_500
REPLACE_HEADER = gettext_lazy("Y: replace the header with Header; N: keep it.")
OPTION_IMAGES = gettext_lazy(
    "Rows joined by $$: name||*value||*image URL; applied where the name and value match "
    "one of the item's options (the answer's Matched says how many did)."
)
REPLACE_FOOTER = gettext_lazy("Y: replace the footer with Footer; N: keep it.")


CONTENTS_PARAMS = (
    *IDENTIFY,
    Param("Contents", required=True, max_length=DESCRIPTION_CHARACTERS, field="description"),
)


@method(
    "ItemsContents.EditGoodsContents",
    writes=True,
    params=CONTENTS_PARAMS,
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
    versions=("1.1",),
    writes=True,
    params=(
        *IDENTIFY,
        Param("StandardImage", required=True, max_length=IMAGE_URL, field="image_main"),
        Param("VideoURL", max_length=IMAGE_URL, field="video_url"),
    ),
    summary=gettext_lazy("Replace an item's main image (and its video URL)."),
)
def edit_goods_image(call: Call) -> dict[str, Any]:
    values = {"image_main": call.params["StandardImage"]}
    if "VideoURL" in call.params:
        values["video_url"] = call.params["VideoURL"]
    product = services.product_update(actor=call.actor, product=call_product(call), values=values)
    return {
        "ItemCode": product.item_code,
        "ImageUrl": images.url(product.seller.login_id, product.image_main),
        "VideoURL": product.video_url,
    }


ENLARGED = tuple(
    Param(f"EnlargedImage{n}", max_length=IMAGE_URL, field="images_other")
    for n in range(1, ENLARGED_IMAGES + 1)
)


@method(
    "ItemsContents.EditGoodsMultiImage",
    writes=True,
    params=(*IDENTIFY, *ENLARGED),
    summary=gettext_lazy("Replace an item's other images (EnlargedImage1 to 50; none = clear)."),
)
def edit_goods_multi_image(call: Call) -> dict[str, Any]:
    images = [call.params[p.name] for p in ENLARGED if p.name in call.params]
    product = services.product_update(
        actor=call.actor, product=call_product(call), values={"images_other": images}
    )
    return {"ItemCode": product.item_code, "EnlargedImages": product.images_other}


@method(
    "ItemsContents.EditGoodsHeaderFooter",
    writes=True,
    params=(
        *IDENTIFY,
        Param("EditHeaderYN", type="yn", required=True, help=REPLACE_HEADER),
        Param("Header", max_length=HEADER_FOOTER, help=gettext_lazy("HTML above the description.")),
        Param("EditFooterYN", type="yn", required=True, help=REPLACE_FOOTER),
        Param("Footer", max_length=HEADER_FOOTER, help=gettext_lazy("HTML below the description.")),
    ),
    summary=gettext_lazy("Set the HTML shown above and below an item's description."),
)
def edit_goods_header_footer(call: Call) -> dict[str, Any]:
    """Kept with the item under the bulk template's own keys (header_html, footer_html),
    so the API and the bulk files read and write the same thing."""
    product = call_product(call, for_update=True)  # the call's transaction: no lost update
    extra = dict(product.extra)
    if call.params["EditHeaderYN"]:
        extra["header_html"] = call.params.get("Header", "")
    if call.params["EditFooterYN"]:
        extra["footer_html"] = call.params.get("Footer", "")
    product = services.product_update(actor=call.actor, product=product, values={"extra": extra})
    return {
        "ItemCode": product.item_code,
        "Header": product.extra.get("header_html", ""),
        "Footer": product.extra.get("footer_html", ""),
    }


@method(
    "ItemsContents.EditInventoryImage",
    writes=True,
    params=(
        *IDENTIFY,
        Param(
            "InventoryImage",
            max_length=262_144,
            field="image_option_info",
            help=OPTION_IMAGES,
        ),
    ),
    summary=gettext_lazy("Set images for an item's inventory option values."),
)
def edit_inventory_image(call: Call) -> dict[str, Any]:
    product = call_product(call, for_update=True)
    rows, extra, matched = options.with_inventory_images(
        product, call.params.get("InventoryImage", "")
    )
    product = services.product_update(
        actor=call.actor,
        product=product,
        values={"options": rows, "extra": extra},
        action="product.options",
    )
    return {"ItemCode": product.item_code, "Matched": matched}


@method(
    "ItemsContents.EditAdditionalOptionImage",
    writes=True,
    params=(
        *IDENTIFY,
        Param(
            "AdditionalOptionImage",
            max_length=262_144,
            field="image_additional_option_info",
            help=OPTION_IMAGES,
        ),
    ),
    summary=gettext_lazy("Set images for an item's additional option values."),
)
def edit_additional_option_image(call: Call) -> dict[str, Any]:
    product = call_product(call, for_update=True)
    extra, matched = options.with_additional_images(
        product, call.params.get("AdditionalOptionImage", "")
    )
    product = services.product_update(
        actor=call.actor, product=product, values={"extra": extra}, action="product.options"
    )
    return {"ItemCode": product.item_code, "Matched": matched}
