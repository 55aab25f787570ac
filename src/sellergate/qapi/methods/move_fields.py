"""The parameters of a MOVE listing (ItemsBasic.SetNewMoveGoods/UpdateMoveGoods), with
the guide's limits for this type, and how a call's values become the catalog's.

A parameter's ``field`` is the catalog's name of what it fills: a product field, an
``extra.<key>`` of the item template, or a ``move.<part>`` of the listing; refusals
about it name the parameter.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from django.utils.translation import gettext_lazy

from sellergate.catalog import move_rows, options, services
from sellergate.catalog.errors import CatalogError
from sellergate.catalog.models import Product
from sellergate.core.errors import Message as _
from sellergate.qapi.methods.item_fields import (
    EXPIRE_DATE,
    ITEM_CODE,
    ITEM_FIELDS,
    split_keywords,
)
from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call

LONG = 262_144
WASHING = {
    "WashinginfoWashing": (
        "washing",
        ("1", "2", "3"),
        gettext_lazy("1 dry clean, 2 machine, 3 hand."),
    ),
    "WashinginfoStretch": ("stretch", ("1", "2", "3"), gettext_lazy("1 yes, 2 a little, 3 none.")),
    "WashinginfoFit": ("fit", ("1", "2", "3"), gettext_lazy("1 small, 2 true, 3 large.")),
    "WashinginfoThickness": (
        "thickness",
        ("1", "2", "3"),
        gettext_lazy("1 thick, 2 medium, 3 thin."),
    ),
    "WashinginfoLining": ("lining", ("1", "2"), gettext_lazy("1 lined, 2 unlined.")),
    "WashinginfoSeethrough": (
        "seethrough",
        ("1", "2", "3"),
        gettext_lazy("1 see-through, 2 slightly, 3 not."),
    ),
}
#: The guide's product-code types are words here (the normal item methods take letters).
INDUSTRIAL_CODES = {"JAN": "J", "KAN": "K", "ISBN": "I", "UPC": "U", "EAN": "E", "HS": "H"}
SIZE_TABLES = (1, 2, 3)


def _text(name: str, max_length: int, field: str, **more: Any) -> Param:
    return Param(name, max_length=max_length, field=field, **more)


NORMAL = {param.name: param for param in ITEM_FIELDS}


def _twin(name: str, **changes: Any) -> Param:
    """The normal item's parameter of that name, where the MOVE one is the same."""
    return dataclasses.replace(NORMAL[name], **changes)


MOVE_FIELDS: tuple[Param, ...] = (
    _text("SellerCode", 100, "seller_code", help=gettext_lazy("Your own item code.")),
    _text(
        "SecondSubCat",
        9,
        "category",
        required=True,
        help=gettext_lazy("Small category code (CommonInfoLookup.GetCatagoryListAll)."),
    ),
    _text("BrandNo", 10, "brand", help=gettext_lazy("Brand number; empty = none.")),
    _text(
        "ItemSeriesName",
        16,
        "move.series_name",
        help=gettext_lazy("The series name, also the listing's name."),
    ),
    _twin("PromotionName"),
    _twin("ItemPrice", required=True),
    _twin("RetailPrice"),
    _twin(
        "TaxRate", required=True, help=gettext_lazy("S your default rate, 10, 8 or 0 (percent).")
    ),
    _text(
        "OptionType",
        LONG,
        move_rows.COLOURS,
        required=True,
        help=gettext_lazy(
            "Colours, rows joined by $$: name||*colour code||*Y or N (exactly one Y, the main "
            "colour)||*model code||*worn size; at most 20."
        ),
    ),
    _text(
        "OptionMainimage",
        LONG,
        move_rows.MAIN_IMAGES,
        required=True,
        help=gettext_lazy("One image per colour: colour||*image URL, rows joined by $$."),
    ),
    _text(
        "OptionSubimage",
        LONG,
        move_rows.SUB_IMAGES,
        help=gettext_lazy("Further images: colour||*url1||*url2…, up to 10 per colour."),
    ),
    _text(
        "OptionQty",
        LONG,
        move_rows.STOCK,
        required=True,
        help=gettext_lazy(
            "Stock: colour||*size||*stock||*option code, or colour||*stock||*option code "
            "without sizes; every colour at least one row."
        ),
    ),
    _text(
        "StyleNumber",
        LONG,
        "move.styles",
        help=gettext_lazy("1 or 2 style codes joined by $$; required in fashion categories."),
    ),
    _text(
        "TpoNumber",
        LONG,
        "move.tpos",
        help=gettext_lazy("1 or 2 TPO codes joined by $$; required in fashion categories."),
    ),
    _text(
        "SeasonType",
        LONG,
        "move.seasons",
        required=True,
        help=gettext_lazy("1 spring, 2 summer, 3 autumn, 4 winter; up to 4 joined by $$."),
    ),
    _text("MaterialInfo", 500, "material"),
    _text(
        "MaterialNumber",
        LONG,
        "move.materials",
        help=gettext_lazy("Up to 3 codes joined by $$."),
    ),
    _text(
        "AttributeInfo",
        LONG,
        "move.attributes",
        help=gettext_lazy("Rows joined by $$: group code||*attribute code (up to three)."),
    ),
    _text(
        "ItemDescription",
        LONG,
        "description",
        help=gettext_lazy("HTML, at most 1000 bytes (UTF-8) for a MOVE listing."),
    ),
    *(
        Param(name, type="choice", choices=choices, field="move.washing", help=help_text)
        for name, (_key, choices, help_text) in WASHING.items()
    ),
    _text(
        "ImageOtherUrl",
        LONG,
        "images_other",
        help=gettext_lazy("Up to 50 image URLs joined by $$."),
    ),
    _text("VideoNumber", LONG, "move.videos", help=gettext_lazy("Up to 10 video codes.")),
    *(
        param
        for n in SIZE_TABLES
        for param in (
            _text(f"SizetableType{n}", 10, "move.size_tables"),
            _text(
                f"SizetableType{n}Value",
                LONG,
                "move.size_tables",
                help=gettext_lazy("Rows joined by $$: size||*size item code||*value."),
            ),
        )
    ),
    _twin("ShippingNo", required=True),
    _text(
        "AvailableDateValue",
        10,
        "available_date_value",
        required=True,
        help=gettext_lazy(
            "1–3: ships in that many days; hh:mm: same day if ordered by then; 4–14: made "
            "to order, ships in that many days."
        ),
    ),
    _twin("DesiredShippingDate", max_length=10),
    _text("Keyword", LONG, "keywords", help=gettext_lazy("Up to 10 keywords joined by $$.")),
    Param(
        "OriginType",
        type="choice",
        choices=("1", "2", "3"),
        required=True,
        field="origin_type",
        help=gettext_lazy(
            "1 domestic (OriginRegionId), 2 overseas (OriginCountryId), 3 other (OriginOthers)."
        ),
    ),
    _text("OriginRegionId", 20, "move.origin_region", help=gettext_lazy("e.g. TOKYO.")),
    _text(
        "OriginCountryId",
        2,
        "move.origin_country",
        pattern=r"[A-Za-z]{2}",
        pattern_help=gettext_lazy("a two-letter country code, e.g. CN."),
    ),
    _text("OriginOthers", 50, "move.origin_other"),
    Param(
        "Weight",
        type="decimal",
        field="weight",
        help=gettext_lazy("Kilograms, one decimal, at most 30."),
    ),
    _twin("ModelNM"),
    Param(
        "IndustrialCodeType",
        type="choice",
        choices=tuple(INDUSTRIAL_CODES),
        field="industrial_code_type",
    ),
    _twin("IndustrialCode"),
    _twin("ManufactureDate"),
    Param(
        "ExpirationDateType",
        type="choice",
        choices=("1", "2", "3"),
        field="extra.expiration_date_type",
        help=gettext_lazy("1 from manufacture, 2 after opening, 3 until a date."),
    ),
    _text("ExpirationDateMFD", 30, "extra.expiration_date_MFD"),
    _text("ExpirationDatePAO", 30, "extra.expiration_date_PAO"),
    Param("ExpirationDateEXP", type="date", max_length=10, field="extra.expiration_date_EXP"),
    Param("AdultYN", type="yn", field="adult", help=gettext_lazy("Y adult item; N (default).")),
    _text("ContactInfo", 20, "contact_info"),
    Param(
        "BuyLimitType",
        type="choice",
        choices=("1", "2"),
        field="extra.buy_limit_type",
        help=gettext_lazy("1 a cap per order, 2 a cap per buyer per day."),
    ),
    Param("BuyLimitDate", type="date", max_length=10, field="extra.buy_limit_date"),
    Param(
        "BuyLimitQty", type="int", max_length=2, minimum=1, maximum=99, field="extra.buy_limit_qty"
    ),
    dataclasses.replace(EXPIRE_DATE, required=True),
    _text(
        "ShippingName",
        50,
        "move.shipping_name",
        help=gettext_lazy("A label shown next to the item's name in order screens."),
    ),
)
UPDATE_FIELDS: tuple[Param, ...] = (
    dataclasses.replace(ITEM_CODE, required=True),
    *(dataclasses.replace(p, required=False) if p.name == "TaxRate" else p for p in MOVE_FIELDS),
)
PLAIN = {
    p.name: p.field
    for p in MOVE_FIELDS
    if p.field and "." not in p.field and p.field not in ("keywords", "images_other")
}
KEPT = {
    p.name: p.field.removeprefix("extra.")
    for p in MOVE_FIELDS
    if p.field and p.field.startswith("extra.")
}


def _available(value: str) -> tuple[int, str]:
    """The guide's one field as the catalog's two (type and value)."""
    text = value.strip()
    if services.SAME_DAY.match(text):
        return 1, text
    if text.isdigit() and 1 <= int(text) <= 14:
        return (0 if int(text) <= 3 else 2), str(int(text))
    raise CatalogError(
        "available_date_value",
        _("Give 1 to 3 (days), hh:mm (same day until then) or 4 to 14 (made to order)."),
    )


def _origin(params: dict[str, Any], old: Product | None) -> str:
    """The product's origin text: the region, the country or the other text, as
    OriginType says; the one the type needs must be there."""
    kind = params.get("OriginType", old.origin_type if old else "")
    name, field = {
        "1": ("OriginRegionId", "move.origin_region"),
        "2": ("OriginCountryId", "move.origin_country"),
        "3": ("OriginOthers", "move.origin_other"),
    }.get(kind, ("", ""))
    if not name:
        return ""
    given = params.get(name, getattr(old.move, field.removeprefix("move."), "") if old else "")
    if not given and kind != "1":
        raise CatalogError(field, _("Required for this OriginType."), code="required")
    return str(given).upper() if kind == "2" else str(given)


def move_values(call: Call, old: Product | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """The call's values as (product fields, listing fields); for a change (``old``),
    only what the call gives."""
    params = call.params
    values: dict[str, Any] = {
        field: params[name] for name, field in PLAIN.items() if name in params
    }
    move: dict[str, Any] = {}
    if "IndustrialCodeType" in params:
        values["industrial_code_type"] = INDUSTRIAL_CODES[params["IndustrialCodeType"]]
    if "AvailableDateValue" in params:
        values["available_date_type"], values["available_date_value"] = _available(
            params["AvailableDateValue"]
        )
    if "Keyword" in params:
        values["keywords"] = split_keywords(params["Keyword"])
    if "ImageOtherUrl" in params:
        values["images_other"] = [
            u.strip() for u in params["ImageOtherUrl"].split("$$") if u.strip()
        ]
    extra = dict(old.extra) if old else {}
    extra.update({key: str(params[name]) for name, key in KEPT.items() if name in params})
    if extra != (old.extra if old else {}):
        values["extra"] = extra
    if "OptionType" in params:
        colours, values["options"] = move_rows.compose(
            params["OptionType"],
            params.get("OptionMainimage", ""),
            params.get("OptionSubimage"),
            params.get("OptionQty", ""),
            old.move.colours if old else None,
        )
        values.update(options.inventory_values(values["options"]))
        move["colours"] = colours
    for name, field, most in (
        ("StyleNumber", "styles", move_rows.MAX_STYLES),
        ("TpoNumber", "tpos", move_rows.MAX_STYLES),
        ("MaterialNumber", "materials", move_rows.MAX_MATERIALS),
        ("VideoNumber", "videos", move_rows.MAX_VIDEOS),
    ):
        if name in params:
            move[field] = move_rows.parse_codes(f"move.{field}", params[name], most=most)
    if "SeasonType" in params:
        move["seasons"] = move_rows.parse_seasons(params["SeasonType"])
    if "AttributeInfo" in params:
        move["attributes"] = move_rows.parse_attributes(params["AttributeInfo"])
    for name, field in (
        ("ItemSeriesName", "series_name"),
        ("OriginRegionId", "origin_region"),
        ("OriginOthers", "origin_other"),
        ("ShippingName", "shipping_name"),
    ):
        if name in params:
            move[field] = params[name]
    if "OriginCountryId" in params:
        move["origin_country"] = params["OriginCountryId"].upper()
    washing = {key: params[name] for name, (key, _c, _h) in WASHING.items() if name in params}
    if washing:
        move["washing"] = {**(old.move.washing if old else {}), **washing}
    tables = _size_tables(params, old)
    if tables is not None:
        move["size_tables"] = tables
    if "OriginType" in params or {"OriginRegionId", "OriginCountryId", "OriginOthers"} & set(
        params
    ):
        values["origin"] = _origin(params, old)
    return values, move


def _size_tables(params: dict[str, Any], old: Product | None) -> list[dict[str, Any]] | None:
    """Up to three size tables, by position; a change replaces the positions it names."""
    given = [
        n for n in SIZE_TABLES if {f"SizetableType{n}", f"SizetableType{n}Value"} & set(params)
    ]
    if not given:
        return None
    tables = {t["position"]: t for t in (old.move.size_tables if old else [])}
    for n in given:
        tables[n] = {
            "position": n,
            "type": params.get(f"SizetableType{n}", tables.get(n, {}).get("type", "")),
            "rows": move_rows.parse_size_table(params.get(f"SizetableType{n}Value", "")),
        }
    return [tables[n] for n in sorted(tables)]
