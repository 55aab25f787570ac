"""The MOVE (fashion) listing methods of every Items class.

The guide documents their parameters but not their answers: each answers what its
non-MOVE twin answers (SetNewGoods, UpdateGoods, EditGoodsStatus, SetGoodsPriceQty,
UpdateItemDiscount, EditGoodsInventory, GetItemDetailInfo, EditGoodsContents), as its
reference entry says. ``EditMoveGoodsContents`` answers live but is in no document: it
takes its twin's parameters (ItemCode or SellerCode, and Contents).

A MOVE method on a normal item is refused (a state the call cannot change), and the
normal methods that would break a MOVE listing's colours, sizes or images are refused
on one by the catalog itself.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from sellergate.catalog import move, move_rows, options, services
from sellergate.catalog.models import Product
from sellergate.qapi.methods import items_basic, items_contents, items_order
from sellergate.qapi.methods.item_fields import IDENTIFY, call_product, item_info
from sellergate.qapi.methods.items_options import inventory_answer
from sellergate.qapi.methods.move_fields import (
    MOVE_FIELDS,
    SIZE_TABLES,
    UPDATE_FIELDS,
    WASHING,
    move_values,
)
from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call, method


def _move_product(call: Call, *, for_update: bool = False) -> Product:
    product = call_product(call, for_update=for_update)
    move.move_of(product)
    return product


@method(
    "ItemsBasic.SetNewMoveGoods",
    notes=gettext_lazy(
        "The guide documents no answer: it is SetNewGoods's (GdNo…). The listing's name is "
        "ItemSeriesName (or the category's name); StyleNumber and TpoNumber are required in "
        "fashion categories only; RetailPrice 0 means unknown."
    ),
    writes=True,
    params=MOVE_FIELDS,
    summary=gettext_lazy("Register a MOVE (fashion) listing with its colours and sizes."),
)
def set_new_move_goods(call: Call) -> dict[str, Any]:
    assert call.seller is not None
    values, listing = move_values(call)
    product = move.move_create(actor=call.actor, seller=call.seller, values=values, move=listing)
    return items_basic.new_item_answer(product)


@method(
    "ItemsBasic.UpdateMoveGoods",
    notes=gettext_lazy(
        "The guide documents no answer: it is UpdateGoods's. The guide's required parameters "
        "are required (StyleNumber and TpoNumber in fashion categories; elsewhere, not sent, "
        "there are none); the others, not sent, are kept (OptionSubimage too, for the colours "
        "that remain)."
    ),
    writes=True,
    params=UPDATE_FIELDS,
    summary=gettext_lazy("Change a MOVE listing: colours, sizes, stock and its details."),
)
def update_move_goods(call: Call) -> dict[str, Any]:
    product = _move_product(call, for_update=True)
    values, listing = move_values(call, product)
    # The guide requires them here as for a registration: in a fashion category the
    # catalog refuses a listing without them, elsewhere not sending them means none.
    listing.setdefault("styles", [])
    listing.setdefault("tpos", [])
    product = move.move_update(actor=call.actor, product=product, values=values, move=listing)
    return {"GdNo": product.item_code, "SellerCode": product.seller_code}


@method(
    "ItemsBasic.EditMoveGoodsStatus",
    notes=gettext_lazy("The guide documents no answer: it is EditGoodsStatus's."),
    writes=True,
    params=items_basic.STATUS_PARAMS,
    summary=gettext_lazy("Put a MOVE listing on sale, take it off sale, or discontinue it."),
)
def edit_move_goods_status(call: Call) -> dict[str, Any]:
    _move_product(call)
    return items_basic.edit_goods_status(call)


@method(
    "ItemsOrder.EditMoveGoodsPrice",
    notes=gettext_lazy("The guide documents no answer: it is SetGoodsPriceQty's."),
    writes=True,
    params=(
        *IDENTIFY,
        Param(
            "ItemPrice",
            type="int",
            required=True,
            minimum=1,
            maximum=999_999_999,
            field="price",
            help=gettext_lazy("The price in yen, up to 9 digits."),
        ),
    ),
    summary=gettext_lazy("Change a MOVE listing's price."),
)
def edit_move_goods_price(call: Call) -> dict[str, Any]:
    product = services.product_update(
        actor=call.actor,
        product=_move_product(call, for_update=True),
        values={"price": call.params["ItemPrice"]},
        action="product.price_qty",
    )
    return {"ItemCode": product.item_code, "Price": product.price, "Qty": product.quantity}


@method(
    "ItemsOrder.UpdateMoveItemDiscount",
    notes=gettext_lazy("The guide documents no answer: it is UpdateItemDiscount's."),
    writes=True,
    params=items_order.DISCOUNT_PARAMS,
    summary=gettext_lazy("Set or remove the seller's discount on a MOVE listing."),
)
def update_move_item_discount(call: Call) -> dict[str, Any]:
    _move_product(call)
    return items_order.update_item_discount(call)


@method(
    "ItemsOptions.EditMoveGoodsInventory",
    notes=gettext_lazy(
        "The guide documents no answer: it is EditGoodsInventory's. The rows given set the stock "
        "of their colour and size (a new size of a colour is added); the others keep theirs. "
        "Without OptionQty nothing changes."
    ),
    writes=True,
    params=(
        *IDENTIFY,
        Param(
            "OptionQty",
            max_length=262_144,
            field=move_rows.STOCK,
            help=gettext_lazy(
                "colour||*size||*stock||*option code (or colour||*stock||*option code) rows "
                "joined by $$, for the colours and sizes to set."
            ),
        ),
    ),
    summary=gettext_lazy("Replace a MOVE listing's stock per colour and size."),
)
def edit_move_goods_inventory(call: Call) -> dict[str, Any]:
    product = _move_product(call, for_update=True)
    if "OptionQty" in call.params:
        given = move_rows.parse_stock(
            move.move_of(product).colours, call.params["OptionQty"], every_colour=False
        )
        rows = move_rows.merge_stock(product.options, given)
        product = services.product_update(
            actor=call.actor,
            product=product,
            values=options.inventory_values(rows),
            action="product.options",
        )
    return inventory_answer(product)


def move_info(product: Product) -> dict[str, Any]:
    """GetItemDetailInfo's fields, then the listing's by the parameter names that set
    them, in the forms they are sent in (a client can send back what it read)."""
    listing = move.move_of(product)
    washing = {name: listing.washing.get(key, "") for name, (key, _c, _h) in WASHING.items()}
    return {
        **item_info(product),
        "ItemSeriesName": listing.series_name,
        "OptionType": move_rows.colours_text(listing.colours),
        "OptionMainimage": move_rows.main_images_text(listing.colours),
        "OptionSubimage": move_rows.sub_images_text(listing.colours),
        "OptionQty": move_rows.stock_text(product.options),
        "StyleNumber": "$$".join(listing.styles),
        "TpoNumber": "$$".join(listing.tpos),
        "SeasonType": "$$".join(listing.seasons),
        "MaterialNumber": "$$".join(listing.materials),
        "VideoNumber": "$$".join(listing.videos),
        "AttributeInfo": "$$".join("||*".join(row) for row in listing.attributes),
        **washing,
        "OriginRegionId": listing.origin_region,
        "OriginCountryId": listing.origin_country,
        "OriginOthers": listing.origin_other,
        "ShippingName": listing.shipping_name,
        **_size_tables(listing.size_tables),
    }


def _size_tables(tables: list[dict[str, Any]]) -> dict[str, str]:
    by_position = {table["position"]: table for table in tables}
    answer = {}
    for n in SIZE_TABLES:
        table = by_position.get(n, {"type": "", "rows": []})
        answer[f"SizetableType{n}"] = table["type"]
        answer[f"SizetableType{n}Value"] = "$$".join("||*".join(row) for row in table["rows"])
    return answer


@method(
    "ItemsLookup.GetMoveItemDetailInfo",
    notes=gettext_lazy(
        "The guide documents no answer: it is GetItemDetailInfo's fields, then the listing's by "
        "the names SetNewMoveGoods takes them (OptionType, OptionQty…), in the same forms."
    ),
    params=IDENTIFY,
    summary=gettext_lazy("One MOVE listing's details, colours and stock."),
)
def get_move_item_detail_info(call: Call) -> list[dict[str, Any]]:
    return [move_info(call_product(call))]


@method(
    "ItemsContents.EditMoveGoodsContents",
    notes=gettext_lazy(
        "Answers live but is in no document: it takes EditGoodsContents's parameters and answers "
        "what it answers. A MOVE listing's description is at most 1000 bytes."
    ),
    writes=True,
    params=items_contents.CONTENTS_PARAMS,
    summary=gettext_lazy("Replace a MOVE listing's description."),
)
def edit_move_goods_contents(call: Call) -> dict[str, Any]:
    _move_product(call)
    return items_contents.edit_goods_contents(call)
