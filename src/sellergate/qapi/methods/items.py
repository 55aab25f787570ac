"""ItemsBasic, ItemsLookup, ItemsOrder, ItemsContents: the seller's catalog."""

from __future__ import annotations

import dataclasses
import json
import math
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sellergate.catalog import images, selectors, services
from sellergate.catalog.models import ItemStatus, Product, ShippingGroup
from sellergate.errors import FieldError
from sellergate.qapi.codes import FIELD_ERRORS, ApiError, Result
from sellergate.qapi.params import Param, ParamError, parse
from sellergate.qapi.registry import Call, method

PAGE_SIZE = 500
MAX_BULK = 500
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


def _required(params: tuple[Param, ...], names: set[str]) -> tuple[Param, ...]:
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


def item_info(product: Product) -> dict[str, Any]:
    return {
        "ItemCode": product.item_code,
        "SellerCode": product.seller_code,
        "ItemStatus": product.status,
        "ItemTitle": product.title,
        "PromotionName": product.promotion_name,
        "ItemDetail": product.description,
        "SecondSubCatCd": product.category.code,
        "SecondSubCatNm": product.category.name,
        "BrandNo": product.brand.number if product.brand else "",
        "IndustrialCodeType": product.industrial_code_type,
        "IndustrialCode": product.industrial_code,
        "ModelNM": product.model_name,
        "ManufactureDate": product.manufacture_date,
        "ProductionPlaceType": product.origin_type,
        "ProductionPlace": product.origin,
        "Weight": product.weight,
        "Material": product.material,
        "AdultYN": "Y" if product.adult else "N",
        "ContactInfo": product.contact_info,
        "ImageUrl": images.url(product.seller.login_id, product.image_main),
        "EnlargedImages": [images.url(product.seller.login_id, i) for i in product.images_other],
        "VideoURL": product.video_url,
        "ItemPrice": product.price,
        "RetailPrice": product.retail_price or 0,
        "TaxRate": product.tax_rate,
        "ItemQty": product.quantity,
        "ExpireDate": product.sale_ends_on,
        "ShippingNo": product.shipping_no,
        "AvailableDateType": product.available_date_type,
        "AvailableDateValue": product.available_date_value,
        "Keyword": ",".join(product.keywords),
        "AdditionalOption": product.additional_option,
        "ItemType": product.item_type,
        "Options": list(product.options),
    }


def _product(call: Call, *, for_update: bool = False) -> Product:
    assert call.seller is not None
    return selectors.product_get(
        call.seller,
        item_code=call.params.get("ItemCode", ""),
        seller_code=call.params.get("SellerCode", ""),
        for_update=for_update,
    )


IDENTIFY = (
    Param(
        "ItemCode",
        max_length=20,
        field="item_code",
        help=gettext_lazy("The item code; or give SellerCode instead."),
    ),
    Param(
        "SellerCode",
        max_length=100,
        field="seller_code",
        help=gettext_lazy("Your item code, when ItemCode is not given."),
    ),
)


@method(
    "ItemsBasic.SetNewGoods",
    versions=("1.1",),
    writes=True,
    params=_required(ITEM_FIELDS, NEW_REQUIRED),
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
            help=gettext_lazy("1 not on sale (S1), 2 on sale (S2), 3 discontinued (S4)."),
        ),
    ),
    summary=gettext_lazy("Put an item on sale, take it off sale, or discontinue it."),
)
def edit_goods_status(call: Call) -> dict[str, Any]:
    product = services.product_update(
        actor=call.actor,
        product=_product(call),
        values={"status": STATUS_CODES[call.params["Status"]]},
        action="product.status",
    )
    return {"ItemCode": product.item_code, "ItemStatus": product.status}


@method(
    "ItemsLookup.GetItemDetailInfo",
    versions=("1.1", "1.2"),
    params=IDENTIFY,
    summary=gettext_lazy("One item's details, by item code or seller item code."),
)
def get_item_detail_info(call: Call) -> list[dict[str, Any]]:
    return [item_info(_product(call))]


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
    groups = ShippingGroup.objects.filter(seller=call.seller).order_by("number")
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


PRICE_QTY = (
    *IDENTIFY,
    Param("Price", type="int", minimum=1, maximum=100_000_000, field="price"),
    Param("TaxRate", type="choice", choices=("S", "10", "8", "0"), field="tax_rate"),
    Param("Qty", type="int", minimum=0, maximum=999_999, field="quantity"),
    Param("ExpireDate", type="date", field="sale_ends_on"),
)


def _price_qty_values(params: dict[str, Any]) -> dict[str, Any]:
    fields = {
        "Price": "price",
        "TaxRate": "tax_rate",
        "Qty": "quantity",
        "ExpireDate": "sale_ends_on",
    }
    return {field: params[name] for name, field in fields.items() if name in params}


@method(
    "ItemsOrder.SetGoodsPriceQty",
    writes=True,
    params=PRICE_QTY,
    summary=gettext_lazy("Change an item's price, stock, tax rate or last day of sale."),
)
def set_goods_price_qty(call: Call) -> dict[str, Any]:
    product = services.product_update(
        actor=call.actor,
        product=_product(call),
        values=_price_qty_values(call.params),
        action="product.price_qty",
    )
    return {"ItemCode": product.item_code, "Price": product.price, "Qty": product.quantity}


@method(
    "ItemsOrder.SetGoodsPriceQtyBulk",
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
    assert call.seller is not None
    try:
        entries = json.loads(call.params["ItemInfoJson"])
    except json.JSONDecodeError as error:
        raise ApiError(
            Result.INVALID, _("ItemInfoJson is not JSON: %(error)s") % {"error": error.msg}
        ) from None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ApiError(Result.INVALID, _("ItemInfoJson must be a JSON array of objects."))
    if len(entries) > MAX_BULK:
        raise ApiError(
            Result.INVALID,
            _("ItemInfoJson has %(n)d items; at most %(max)d.")
            % {"n": len(entries), "max": MAX_BULK},
        )
    results = []
    names = {p.field: p.name for p in PRICE_QTY if p.field}
    for entry in entries:
        given = {str(k).lower(): "" if v is None else str(v) for k, v in entry.items()}
        row = {"ItemCode": given.get("itemcode", ""), "SellerCode": given.get("sellercode", "")}
        try:
            params = parse(PRICE_QTY, given)
            product = selectors.product_get(
                call.seller,
                item_code=params.get("ItemCode", ""),
                seller_code=params.get("SellerCode", ""),
            )
            with transaction.atomic():  # one item's refusal undoes only that item
                services.product_update(
                    actor=call.actor,
                    product=product,
                    values=_price_qty_values(params),
                    action="product.price_qty",
                )
            row.update(ItemCode=product.item_code, ResultCode=0, ResultMsg="SUCCESS")
        except ParamError as error:
            row.update(ResultCode=int(error.code), ResultMsg=error.message)
        except FieldError as refusal:
            row.update(
                ResultCode=int(FIELD_ERRORS[refusal.code]),
                ResultMsg=f"{names.get(refusal.field, refusal.field)}: {refusal.message}",
            )
        results.append(row)
    return results


@method(
    "ItemsContents.EditGoodsContents",
    writes=True,
    params=(*IDENTIFY, Param("Contents", required=True, max_length=40000, field="description")),
    summary=gettext_lazy("Replace an item's description (HTML allowed, shown sanitised)."),
)
def edit_goods_contents(call: Call) -> dict[str, Any]:
    product = services.product_update(
        actor=call.actor, product=_product(call), values={"description": call.params["Contents"]}
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
        product=_product(call),
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
        actor=call.actor, product=_product(call), values={"images_other": images}
    )
    return {"ItemCode": product.item_code, "EnlargedImages": product.images_other}
