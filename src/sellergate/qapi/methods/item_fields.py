"""What the Items* methods share: the item parameters and how an item is answered."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.utils.translation import gettext_lazy

from sellergate.catalog import images, options, selectors
from sellergate.catalog.models import Product
from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call

KEYWORD_SEPARATORS = ("$$", ",")


def _text(name: str, max_length: int, field: str, **more: Any) -> Param:
    return Param(name, max_length=max_length, field=field, **more)


EXPIRE_DATE = Param(
    "ExpireDate",
    type="expiry",
    max_length=10,
    field="sale_ends_on",
    help=gettext_lazy("Last day of sale, yyyy-mm-dd; Null = one year from today."),
)
START_DATE = Param(
    "StartDate",
    type="start",
    max_length=16,
    field="extra.start_date",
    help=gettext_lazy("When the sale starts: yyyy-mm-dd or yyyy-mm-dd hh:mm (hh:00, hh:30)."),
)

# The item's fields as ItemsBasic takes them, wire name → catalog field, with the guide's
# limits for SetNewGoods; UpdateGoods differs in a few (``UPDATE_LIMITS``). A field
# "extra.<key>" is kept in ``Product.extra`` under the item template's column key.
ITEM_FIELDS = (
    _text(
        "SecondSubCat",
        9,
        "category",
        help=gettext_lazy("Small category code (CommonInfoLookup.GetCatagoryListAll)."),
    ),
    _text(
        "OuterSecondSubCat",
        20,
        "extra.outer_category",
        help=gettext_lazy("Your own category code, kept with the item."),
    ),
    Param(
        "Drugtype",
        type="choice",
        choices=("1C", "2C", "3C", "D2", "QD"),
        field="extra.medication_type",
        help=gettext_lazy("Medicines: 1C, 2C, 3C classes 1–3, D2 designated class 2, QD quasi."),
    ),
    _text(
        "BrandNo",
        10,
        "brand",
        help=gettext_lazy("Brand number (CommonInfoLookup.SearchBrand); empty or 0 = none."),
    ),
    _text("ItemTitle", 100, "title"),
    _text("PromotionName", 20, "promotion_name"),
    _text(
        "SellerCode",
        100,
        "seller_code",
        help=gettext_lazy("Your own item code, unique among your items; empty: the item code."),
    ),
    Param(
        "IndustrialCodeType",
        type="choice",
        choices=("J", "K", "I", "U", "E", "H"),
        field="industrial_code_type",
        help=gettext_lazy("J JAN, K KAN, I ISBN, U UPC, E EAN, H HS."),
    ),
    _text("IndustrialCode", 13, "industrial_code"),
    _text("ModelNM", 30, "model_name", aliases=("ModelNm",)),
    Param("ManufactureDate", type="date", max_length=10, field="manufacture_date"),
    Param(
        "ProductionPlaceType",
        type="choice",
        choices=("1", "2", "3"),
        field="origin_type",
        help=gettext_lazy("1 domestic, 2 overseas, 3 other."),
    ),
    _text("ProductionPlace", 50, "origin"),
    Param("Weight", type="decimal", field="weight", help=gettext_lazy("Kilograms.")),
    _text("Material", 500, "material"),
    Param("AdultYN", type="yn", field="adult"),
    _text("ContactInfo", 100, "contact_info"),
    _text(
        "StandardImage",
        200,
        "image_main",
        help=gettext_lazy("Main image: an http(s) URL, or a file name in your FTP images/."),
    ),
    _text("VideoURL", 200, "video_url"),
    _text("ItemDescription", 262_144, "description"),
    _text("AdditionalOption", 262_144, "additional_option"),
    _text("ItemType", 262_144, "item_type"),
    Param(
        "RetailPrice",
        type="int",
        minimum=0,
        maximum=999_999_999,
        field="retail_price",
        help=gettext_lazy("List price; 0 when unknown (as the guide's text says)."),
    ),
    Param("ItemPrice", type="int", minimum=1, maximum=999_999_999, field="price"),
    Param("TaxRate", type="choice", choices=("S", "10", "8", "0"), field="tax_rate"),
    Param("ItemQty", type="int", minimum=0, maximum=2_147_483_647, field="quantity"),
    EXPIRE_DATE,
    Param(
        "ShippingNo",
        type="int",
        minimum=0,
        maximum=2_147_483_647,
        field="shipping_no",
        help=gettext_lazy("Shipping group (GetSellerDeliveryGroupInfo); 0 = free shipping."),
    ),
    Param(
        "AvailableDateType",
        type="choice",
        choices=("0", "1", "2", "3"),
        field="available_date_type",
        help=gettext_lazy(
            "0 standard (1–3 days), 1 preparation days (4–14), 2 release date, "
            "3 same day until hh:mm; empty: 0."
        ),
    ),
    _text("AvailableDateValue", 10, "available_date_value"),
    _text(
        "Keyword",
        262_144,
        "keywords",
        help=gettext_lazy("Up to 10 keywords of up to 30 characters, joined by , or $$."),
    ),
    START_DATE,
    Param(
        "DesiredShippingDate",
        type="int",
        minimum=0,
        maximum=20,
        field="extra.desired_shipping_date",
        help=gettext_lazy("Buyers may choose a delivery date from this many days (3–20)."),
    ),
)
#: Where UpdateGoods's limits differ from SetNewGoods's (the guide's type drift).
UPDATE_LIMITS = {"SecondSubCat": 20}

#: What SetNewGoods requires. The guide also requires AvailableDateType/Value; absent,
#: the item ships the standard way (type 0), which is what a client that sends them
#: would choose by default, and what integrations written before them expect.
NEW_REQUIRED = {"SecondSubCat", "ItemTitle", "ItemPrice", "ItemQty"}


def with_required(params: tuple[Param, ...], names: set[str]) -> tuple[Param, ...]:
    return tuple(dataclasses.replace(p, required=True) if p.name in names else p for p in params)


def with_limits(params: tuple[Param, ...], limits: dict[str, int]) -> tuple[Param, ...]:
    return tuple(
        dataclasses.replace(p, max_length=limits[p.name]) if p.name in limits else p for p in params
    )


def split_keywords(text: str) -> list[str]:
    for separator in KEYWORD_SEPARATORS:
        if separator in text:
            return [k.strip() for k in text.split(separator) if k.strip()]
    return [text.strip()] if text.strip() else []


def catalog_values(call: Call, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """The call's item parameters as catalog field values; "extra." ones merged into
    ``extra`` (the item's, when it is changed)."""
    values: dict[str, Any] = {}
    kept = dict(extra or {})
    for param in ITEM_FIELDS:
        if param.name not in call.params or not param.field:
            continue
        value = call.params[param.name]
        if param.field.startswith("extra."):
            kept[param.field.removeprefix("extra.")] = "" if value is None else str(value)
        elif param.field == "keywords":
            values["keywords"] = split_keywords(value)
        elif param.field == "available_date_type":
            values["available_date_type"] = int(value)
        elif param.field == "item_type":
            # The registration's inventory rows (as ItemsOptions.EditGoodsInventory's).
            values["item_type"] = value
            values.update(options.inventory_values(options.parse_inventory(value, "item_type")))
        else:
            values[param.field] = value
    if "tax_rate" in values and values["tax_rate"] is None:
        values["tax_rate"] = ""
    if kept != (extra or {}):
        values["extra"] = kept
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
