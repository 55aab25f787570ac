"""What the Items* methods share: the item parameters and how an item is answered."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.utils.translation import gettext_lazy

from sellergate.catalog import images, selectors
from sellergate.catalog.models import Product
from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call

KEYWORD_SEPARATORS = ("$$", ",")

# The item's fields as ItemsBasic takes them, wire name → catalog field.
ITEM_FIELDS = (
    Param(
        "SecondSubCat",
        max_length=20,
        field="category",
        help=gettext_lazy("Small category code (CommonInfoLookup.GetCatagoryListAll)."),
    ),
    Param(
        "BrandNo",
        max_length=20,
        field="brand",
        help=gettext_lazy("Brand number (CommonInfoLookup.SearchBrand); empty or 0 = none."),
    ),
    Param("ItemTitle", max_length=100, field="title"),
    Param("PromotionName", max_length=20, field="promotion_name"),
    Param(
        "SellerCode",
        max_length=100,
        field="seller_code",
        help=gettext_lazy("Your own item code, unique among your items."),
    ),
    Param(
        "IndustrialCodeType",
        type="choice",
        choices=("J", "K", "I", "U", "E", "H"),
        field="industrial_code_type",
        help=gettext_lazy("J JAN, K KAN, I ISBN, U UPC, E EAN, H HS."),
    ),
    Param("IndustrialCode", max_length=30, field="industrial_code"),
    Param("ModelNM", max_length=100, field="model_name", aliases=("ModelNm",)),
    Param("ManufactureDate", type="date", field="manufacture_date"),
    Param(
        "ProductionPlaceType",
        type="choice",
        choices=("1", "2", "3"),
        field="origin_type",
        help=gettext_lazy("1 domestic, 2 overseas, 3 other."),
    ),
    Param("ProductionPlace", max_length=100, field="origin"),
    Param("Weight", type="decimal", field="weight", help=gettext_lazy("Kilograms.")),
    Param("Material", max_length=200, field="material"),
    Param("AdultYN", type="yn", field="adult"),
    Param("ContactInfo", max_length=200, field="contact_info"),
    Param(
        "StandardImage",
        max_length=500,
        field="image_main",
        help=gettext_lazy("Main image: an http(s) URL, or a file name in your FTP images/."),
    ),
    Param("VideoURL", max_length=500, field="video_url"),
    Param("ItemDescription", max_length=40000, field="description"),
    Param("AdditionalOption", max_length=4000, field="additional_option"),
    Param("ItemType", max_length=20, field="item_type"),
    Param("RetailPrice", type="int", minimum=0, maximum=100_000_000, field="retail_price"),
    Param("ItemPrice", type="int", minimum=1, maximum=100_000_000, field="price"),
    Param("TaxRate", type="choice", choices=("S", "10", "8", "0"), field="tax_rate"),
    Param("ItemQty", type="int", minimum=0, maximum=999_999, field="quantity"),
    Param("ExpireDate", type="date", field="sale_ends_on", help=gettext_lazy("Last day of sale.")),
    Param(
        "ShippingNo",
        type="int",
        minimum=0,
        field="shipping_no",
        help=gettext_lazy("Shipping group (GetSellerDeliveryGroupInfo); 0 = free shipping."),
    ),
    Param(
        "AvailableDateType",
        type="int",
        minimum=0,
        maximum=3,
        field="available_date_type",
        help=gettext_lazy(
            "0 ships in 1–3 days, 1 same day until hh:mm, 2 made to order in 4–14 days, "
            "3 from a release date."
        ),
    ),
    Param("AvailableDateValue", max_length=10, field="available_date_value"),
    Param(
        "Keyword",
        max_length=400,
        field="keywords",
        help=gettext_lazy("Up to 10 keywords of up to 30 characters, joined by , or $$."),
    ),
)
NEW_REQUIRED = {"SecondSubCat", "ItemTitle", "SellerCode", "ItemPrice", "ItemQty"}


def with_required(params: tuple[Param, ...], names: set[str]) -> tuple[Param, ...]:
    return tuple(dataclasses.replace(p, required=True) if p.name in names else p for p in params)


def split_keywords(text: str) -> list[str]:
    for separator in KEYWORD_SEPARATORS:
        if separator in text:
            return [k.strip() for k in text.split(separator) if k.strip()]
    return [text.strip()] if text.strip() else []


def catalog_values(call: Call) -> dict[str, Any]:
    """The call's item parameters as catalog field values."""
    values: dict[str, Any] = {}
    for param in ITEM_FIELDS:
        if param.name in call.params and param.field:
            value = call.params[param.name]
            values[param.field] = split_keywords(value) if param.field == "keywords" else value
    if "tax_rate" in values and values["tax_rate"] is None:
        values["tax_rate"] = ""
    return values


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def item_info(product: Product) -> dict[str, Any]:
    """An item as ItemsLookup answers it: the guide's fields by its names, all text (the
    guide types every one of them String), then a few of sellergate's own after them
    (EnlargedImages, Options, Weight…), which clients that do not know them skip.

    Where the guide is silent: ``SettlePrice`` is the item price (sellergate charges no
    commission, and the marketplace's is not known here); ``ListedDate``/``ChangedDate``
    are when the item was registered and last changed, Japan time."""
    small = product.category
    medium = small.parent or small
    large = medium.parent or medium
    login_id = product.seller.login_id
    return {
        "ItemCode": product.item_code or "",
        "ItemStatus": product.status,
        "ItemTitle": product.title,
        "PromotionName": product.promotion_name,
        "MainCatCd": large.code,
        "MainCatNm": large.name,
        "FirstSubCatCd": medium.code,
        "FirstSubCatNm": medium.name,
        "SecondSubCatCd": small.code,
        "SecondSubCatNm": small.name,
        "Drugtype": product.extra.get("medication_type", ""),
        "SellerCode": product.seller_code,
        "ProductionPlaceType": product.origin_type,
        "ProductionPlace": product.origin,
        "IndustrialCodeType": product.industrial_code_type,
        "IndustrialCode": product.industrial_code,
        "RetailPrice": str(product.retail_price or 0),
        "ItemPrice": str(product.price),
        "TaxRate": product.tax_rate,
        "SettlePrice": str(product.price),
        "ItemQty": str(product.quantity),
        "ExpireDate": _date(product.sale_ends_on),
        "ModelNM": product.model_name,
        "ManufacturerDate": _date(product.manufacture_date),  # sic, as the guide has it
        "BrandNo": product.brand.number if product.brand else "",
        "Material": product.material,
        "AdultYN": "Y" if product.adult else "N",
        "DesiredShippingDate": str(product.extra.get("desired_shipping_date", "")),
        "AvailableDateType": str(product.available_date_type),
        "AvailableDateValue": product.available_date_value,
        "ShippingNo": str(product.shipping_no),
        "ContactInfo": product.contact_info,
        "ItemDetail": product.description,
        "ImageUrl": images.url(login_id, product.image_main),
        "VideoURL": product.video_url,
        "Keyword": ",".join(product.keywords),
        "ListedDate": product.created_at,
        "ChangedDate": product.updated_at,
        # sellergate's own, beyond the guide:
        "Weight": product.weight,
        "EnlargedImages": [images.url(login_id, i) for i in product.images_other],
        "AdditionalOption": product.additional_option,
        "ItemType": product.item_type,
        "Options": list(product.options),
    }


def call_product(call: Call, *, for_update: bool = False) -> Product:
    assert call.seller is not None
    return selectors.product_get(
        call.seller,
        item_code=call.params.get("ItemCode", ""),
        seller_code=call.params.get("SellerCode", ""),
        for_update=for_update,
    )


#: The guide's item number: 1 to 10 digits, not starting with 0.
ITEM_CODE = Param(
    "ItemCode",
    max_length=10,
    pattern=r"[1-9][0-9]{0,9}",
    pattern_help=gettext_lazy("an item code is 1 to 10 digits, not starting with 0."),
    field="item_code",
    help=gettext_lazy("The item code; or give SellerCode instead."),
)
IDENTIFY = (
    ITEM_CODE,
    Param(
        "SellerCode",
        max_length=100,
        field="seller_code",
        help=gettext_lazy("Your item code, when ItemCode is not given."),
    ),
)
