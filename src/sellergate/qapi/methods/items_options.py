"""ItemsOptions: an item's inventory (stock per option), additional and text options.

Over ``catalog.options`` (the same rules as the item template's option columns).

Where the guide is silent: a row is named by ``OptionName`` and ``OptionValue`` (several
levels joined by ``||*``); ``OptionCode``, where the guide requires it, must be that
row's code. ``EditCommonGoodsInventory`` sets the inventory of the seller's listing
with that ``SellerCode`` (one listing has it: a normal item or a MOVE listing, never
both). An option's ``Price`` may be 0 (no difference: the item template's option rows
say 0 for that), though the guide's schema starts at 1. The bulk methods answer one
result row per input row (``ItemCode``, ``ResultCode``, ``ResultMsg``), as
``ItemsOrder.SetGoodsPriceQtyBulk`` does. Each answer carries, beyond the envelope, the
item code and its inventory rows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy

from sellergate.catalog import options, services
from sellergate.catalog.models import Product
from sellergate.qapi.methods import rows
from sellergate.qapi.methods.item_fields import IDENTIFY, call_product
from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call, method

OPTION_TEXT = 50
ROW_NOTES = gettext_lazy(
    "A row is named by OptionName and OptionValue (levels joined by ||*); OptionCode, where "
    "required, must be that row's code. Price may be 0 (no price difference), though the "
    "guide's schema starts at 1. The item's quantity becomes the rows' stock added up."
)
BULK_NOTES = gettext_lazy(
    "The answer is one row per input row (ItemCode, SellerCode, ResultCode, ResultMsg), not "
    "the guide's Count/Keys/Values, whose real shape is unknown; up to 500 rows."
)

NAME = Param(
    "OptionName",
    required=True,
    max_length=OPTION_TEXT,
    field="option_info",
    help=gettext_lazy("The option's name(s), levels joined by ||*, e.g. 色||*サイズ."),
)
VALUE = Param(
    "OptionValue",
    required=True,
    max_length=OPTION_TEXT,
    help=gettext_lazy("Its value(s), in the same order, e.g. 赤||*M."),
)
CODE = Param(
    "OptionCode",
    max_length=OPTION_TEXT,
    field="option_code",
    help=gettext_lazy("Your code for the option row."),
)
CODE_REQUIRED = dataclasses.replace(CODE, required=True)
PRICE = Param(
    "Price",
    type="int",
    minimum=0,
    maximum=999_999_999,
    help=gettext_lazy("What the option adds to the item's price (yen); 0: nothing."),
)
QTY = Param("Qty", type="int", minimum=0, maximum=999_999, field="option_qty")
INVENTORY = Param(
    "InventoryInfo",
    max_length=262_144,
    field="option_info",
    help=gettext_lazy(
        "Rows joined by $$: name||*value||*price||*stock||*code, or with two levels "
        "name1||*value1||*name2||*value2||*price||*stock||*code. Empty: no options."
    ),
)


def inventory_answer(product: Product) -> dict[str, Any]:
    return {"ItemCode": product.item_code, "Inventory": list(product.options)}


def _save_rows(call: Call, product: Product, rows: list[dict[str, Any]]) -> dict[str, Any]:
    product = services.product_update(
        actor=call.actor,
        product=product,
        values=options.inventory_values(rows),
        action="product.options",
    )
    return inventory_answer(product)


@method(
    "ItemsOptions.EditGoodsInventory",
    writes=True,
    params=(*IDENTIFY, INVENTORY),
    summary=gettext_lazy("Replace an item's whole inventory (price and stock per option)."),
)
def edit_goods_inventory(call: Call) -> dict[str, Any]:
    product = call_product(call, for_update=True)
    return _save_rows(call, product, options.parse_inventory(call.params.get("InventoryInfo", "")))


@method(
    "ItemsOptions.EditCommonGoodsInventory",
    notes=gettext_lazy(
        "Sets the inventory of your listing with this SellerCode. A seller code names one "
        "listing here, a normal item or a MOVE listing, never both: there is no twin to set "
        "with it. A MOVE listing's rows are カラー||*colour||*サイズ||*size||*0||*stock||*code."
    ),
    writes=True,
    params=(dataclasses.replace(IDENTIFY[1], required=True), INVENTORY),
    summary=gettext_lazy("Replace the inventory of the item with this SellerCode."),
)
def edit_common_goods_inventory(call: Call) -> dict[str, Any]:
    product = call_product(call, for_update=True)
    return _save_rows(call, product, options.parse_inventory(call.params.get("InventoryInfo", "")))


@method(
    "ItemsOptions.EditGoodsOption",
    writes=True,
    params=(
        *IDENTIFY,
        Param(
            "AdditionalOption",
            max_length=262_144,
            field="additional_option_info",
            help=gettext_lazy("Rows joined by $$: name||*value||*price, or ||*code after it."),
        ),
    ),
    summary=gettext_lazy("Replace an item's additional (add-on) options."),
)
def edit_goods_option(call: Call) -> dict[str, Any]:
    text = call.params.get("AdditionalOption", "")
    rows = options.parse_additional(text)
    product = services.product_update(
        actor=call.actor,
        product=call_product(call, for_update=True),
        values={"additional_option": text},
        action="product.options",
    )
    return {"ItemCode": product.item_code, "AdditionalOptions": rows}


@method(
    "ItemsOptions.EditGoodsTextOption",
    writes=True,
    params=(
        *IDENTIFY,
        Param(
            "TextOptions",
            max_length=262_144,
            field="additional_option_text",
            help=gettext_lazy("Rows joined by $$: name||*length (what a buyer types)."),
        ),
    ),
    summary=gettext_lazy("Set the options a buyer writes text for (up to 3)."),
)
def edit_goods_text_option(call: Call) -> dict[str, Any]:
    """Kept as the item template's additional_option_text (names joined by $$), with the
    lengths beside it (text_option_lengths)."""
    found = options.parse_text_options(call.params.get("TextOptions", ""))
    product = call_product(call, for_update=True)
    extra = {
        **product.extra,
        "additional_option_text": options.ROWS.join(found),
        "text_option_lengths": found,
    }
    product = services.product_update(
        actor=call.actor, product=product, values={"extra": extra}, action="product.options"
    )
    # Rows, not a dictionary keyed by the seller's names: a name is no XML element name.
    rows = [{"Name": name, "Length": length} for name, length in found.items()]
    return {"ItemCode": product.item_code, "TextOptions": rows}


def _unit(
    name: str,
    summary: Any,
    params: tuple[Param, ...],
    change: Callable[[Product, dict[str, Any]], list[dict[str, Any]]],
) -> None:
    def handler(call: Call) -> dict[str, Any]:
        product = call_product(call, for_update=True)
        return _save_rows(call, product, change(product, call.params))

    handler.__name__ = name.rsplit(".", 1)[1]
    method(name, writes=True, params=(*IDENTIFY, *params), summary=summary, notes=ROW_NOTES)(
        handler
    )


def _insert(product: Product, p: dict[str, Any]) -> list[dict[str, Any]]:
    return options.inventory_insert(
        product,
        p["OptionName"],
        p["OptionValue"],
        code=p.get("OptionCode", ""),
        price=p.get("Price", 0),
        qty=p.get("Qty", 0),
    )


def _update(product: Product, p: dict[str, Any]) -> list[dict[str, Any]]:
    return options.inventory_change(
        product,
        p["OptionName"],
        p["OptionValue"],
        code=p.get("OptionCode", ""),
        price=p.get("Price"),
        qty=p.get("Qty"),
    )


_unit(
    "ItemsOptions.InsertInventoryDataUnit",
    gettext_lazy("Add one option row to an item's inventory."),
    (NAME, VALUE, CODE, PRICE, QTY),
    _insert,
)
_unit(
    "ItemsOptions.UpdateInventoryDataUnit",
    gettext_lazy("Change the price and stock of one option row."),
    (NAME, VALUE, CODE_REQUIRED, PRICE, QTY),
    _update,
)
_unit(
    "ItemsOptions.UpdateInventoryQtyUnit",
    gettext_lazy("Set the stock of one option row."),
    (NAME, VALUE, CODE_REQUIRED, QTY),
    lambda product, p: options.inventory_change(
        product, p["OptionName"], p["OptionValue"], code=p["OptionCode"], qty=p.get("Qty")
    ),
)
_unit(
    "ItemsOptions.UpdateInventoryQtyPlusUnit",
    gettext_lazy("Add to (or, negative, take from) the stock of one option row."),
    (
        NAME,
        VALUE,
        CODE_REQUIRED,
        Param("PlusQty", type="int", minimum=-999_999, maximum=999_999, field="option_qty"),
    ),
    lambda product, p: options.inventory_change(
        product, p["OptionName"], p["OptionValue"], code=p["OptionCode"], plus=p.get("PlusQty", 0)
    ),
)
_unit(
    "ItemsOptions.DeleteInventoryDataUnit",
    gettext_lazy("Remove one option row from an item's inventory."),
    (NAME, VALUE, CODE_REQUIRED),
    lambda product, p: options.inventory_delete(
        product, p["OptionName"], p["OptionValue"], p["OptionCode"]
    ),
)

ROW_PARAMS = (
    *IDENTIFY,
    Param("OptionName", required=True, max_length=OPTION_TEXT, field="option_info"),
    Param("OptionValue", required=True, max_length=OPTION_TEXT),
    CODE,
    PRICE,
    QTY,
)
ROWS_JSON = Param(
    "ItemInfoJson",
    required=True,
    max_length=5_000_000,
    help=gettext_lazy(
        "A JSON array of up to 500 option rows: ItemCode or SellerCode, OptionName, "
        "OptionValue, OptionCode, Price, Qty."
    ),
)


def _bulk(call: Call, change: Callable[[Product, dict[str, Any]], list[dict[str, Any]]]) -> Any:
    return rows.each_row(
        call,
        "ItemInfoJson",
        ROW_PARAMS,
        lambda product, p: _save_rows(call, product, change(product, p)),
    )


@method(
    "ItemsOptions.InsertInventoryDataBulk",
    notes=BULK_NOTES,
    writes=True,
    params=(ROWS_JSON,),
    summary=gettext_lazy("InsertInventoryDataUnit for up to 500 rows; a result per row."),
)
def insert_inventory_data_bulk(call: Call) -> Any:
    return _bulk(call, _insert)


@method(
    "ItemsOptions.UpdateInventoryDataBulk",
    notes=BULK_NOTES,
    writes=True,
    params=(ROWS_JSON,),
    summary=gettext_lazy("UpdateInventoryDataUnit for up to 500 rows; a result per row."),
)
def update_inventory_data_bulk(call: Call) -> Any:
    return _bulk(call, _update)
