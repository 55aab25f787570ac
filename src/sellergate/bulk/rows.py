"""Applying one data row of a bulk file to the catalog.

Every problem of a row is collected (not just the first) and reported with the column
it is about; a row with any problem changes nothing. Rows are matched to items by
item_number, else by seller_unique_item_id — so the same file processed twice leaves
the same catalog: the second time every row is "unchanged".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sellergate.audit.actors import Actor
from sellergate.bulk.cells import CellError
from sellergate.bulk.columns import ITEM_COLUMNS, NEW_ITEM_REQUIRED, PRICE_QTY_COLUMNS, Column
from sellergate.catalog import selectors, services
from sellergate.catalog.errors import CatalogError
from sellergate.catalog.models import Product
from sellergate.sellers.models import Seller


@dataclass
class Problem:
    column: str
    error: CellError


@dataclass
class Outcome:
    status: str  # "ok" or "error"
    action: str = ""  # "created", "updated", "unchanged"
    item_code: str = ""
    seller_code: str = ""
    problems: list[Problem] = field(default_factory=list)


def identity(kind: str, cells: dict[str, str]) -> str:
    """What makes two rows of one file the same item (or the same option)."""
    item_code = cells.get("item_number", "")
    seller_code = cells.get("seller_unique_item_id", "")
    if kind == "inventory":
        option = cells.get("seller_unique_option_id", "") if cells.get("edit_type") == "i" else ""
        return f"{item_code or seller_code}/{option}"
    return f"i:{item_code}" if item_code else f"s:{seller_code}"


@dataclass
class Context:
    seller: Seller
    actor: Actor
    seen: dict[str, int] = field(default_factory=dict)  # identity → first row

    def remember(self, kind: str, number: int, cells: dict[str, str]) -> None:
        """A row applied before a resume still counts for the duplicate check."""
        self.seen.setdefault(identity(kind, cells), number)


def _column_for(columns: tuple[Column, ...], catalog_field: str) -> str:
    for column in columns:
        if column.read is not None and catalog_field in getattr(column.read, "fields", ()):
            return column.key
    return catalog_field


def _read(columns: tuple[Column, ...], cells: dict[str, str], problems: list[Problem]) -> dict:
    values: dict[str, Any] = {}
    for column in columns:
        text = cells.get(column.key, "")
        if not text or column.read is None:
            continue
        try:
            values.update(column.read(text))
        except CellError as error:
            problems.append(Problem(column.key, error))
    return values


def _merge_kept(values: dict[str, Any], product: Product | None) -> dict[str, Any]:
    kept = {k.removeprefix("extra."): v for k, v in values.items() if k.startswith("extra.")}
    merged = {k: v for k, v in values.items() if not k.startswith("extra.")}
    if kept:
        merged["extra"] = {**(product.extra if product else {}), **kept}
    return merged


def _seen_twice(ctx: Context, identity: str, number: int, column: str) -> Problem | None:
    first = ctx.seen.setdefault(identity, number)
    if first != number:
        return Problem(
            column,
            CellError(_("Also in row %(row)d of this file: give each item once."), row=first),
        )
    return None


def _find(ctx: Context, item_code: str, seller_code: str) -> Product | None:
    try:
        return selectors.product_get(ctx.seller, item_code=item_code, seller_code=seller_code)
    except CatalogError:
        return None


def apply_item_row(ctx: Context, number: int, cells: dict[str, str]) -> Outcome:
    item_code = cells.get("item_number", "")
    seller_code = cells.get("seller_unique_item_id", "")
    outcome = Outcome(status="error", item_code=item_code, seller_code=seller_code)
    problems = outcome.problems
    twice = _seen_twice(
        ctx,
        identity("item", cells),
        number,
        "item_number" if item_code else "seller_unique_item_id",
    )
    if twice:
        problems.append(twice)
    values = _read(ITEM_COLUMNS, cells, problems)
    product = None
    if item_code:
        product = _find(ctx, item_code, "")
        if product is None:
            problems.append(
                Problem(
                    "item_number",
                    CellError(
                        _(
                            "No item %(code)s among yours: leave item_number empty to "
                            "register a new item."
                        ),
                        code=item_code,
                    ),
                )
            )
    elif seller_code:
        product = _find(ctx, "", seller_code)  # registered before: this row modifies it
    if product is None and not item_code:
        missing = [key for key in NEW_ITEM_REQUIRED if not cells.get(key)]
        for key in missing:
            problems.append(Problem(key, CellError(_("Required to register a new item."))))
    if problems:
        return outcome
    values = _merge_kept(values, product)
    try:
        with transaction.atomic():
            if product is None:
                product = services.product_create(
                    actor=ctx.actor, seller=ctx.seller, values=values, audit=False
                )
                outcome.action = "created"
            else:
                before = product.updated_at
                product = services.product_update(
                    actor=ctx.actor, product=product, values=values, audit=False
                )
                outcome.action = "updated" if product.updated_at != before else "unchanged"
    except CatalogError as refusal:
        problems.append(
            Problem(_column_for(ITEM_COLUMNS, refusal.field), CellError(refusal.message))
        )
        return outcome
    outcome.status = "ok"
    outcome.item_code, outcome.seller_code = product.item_code or "", product.seller_code
    return outcome


def apply_price_qty_row(ctx: Context, number: int, cells: dict[str, str]) -> Outcome:
    item_code = cells.get("item_number", "")
    seller_code = cells.get("seller_unique_item_id", "")
    outcome = Outcome(status="error", item_code=item_code, seller_code=seller_code)
    problems = outcome.problems
    values = _read(PRICE_QTY_COLUMNS, cells, problems)
    edit = values.pop("edit_type", "item")
    option_code = values.pop("option_code", "")
    twice = _seen_twice(ctx, identity("inventory", cells), number, "item_number")
    if twice:
        problems.append(twice)
    if not item_code and not seller_code:
        problems.append(
            Problem("item_number", CellError(_("Give item_number or seller_unique_item_id.")))
        )
    product = _find(ctx, item_code, seller_code) if (item_code or seller_code) else None
    if product is None and (item_code or seller_code):
        problems.append(
            Problem(
                "item_number" if item_code else "seller_unique_item_id",
                CellError(_("No item %(code)s among yours."), code=item_code or seller_code),
            )
        )
    if edit == "option":
        if not option_code:
            problems.append(
                Problem("seller_unique_option_id", CellError(_("Required when edit_type is i.")))
            )
        elif product is not None:
            options = [dict(o) for o in product.options]
            matching = [o for o in options if o.get("code") == option_code]
            if not matching:
                problems.append(
                    Problem(
                        "seller_unique_option_id",
                        CellError(_("The item has no option %(code)s."), code=option_code),
                    )
                )
            else:
                if "price" in values:
                    matching[0]["price"] = values.pop("price")
                if "quantity" in values:
                    matching[0]["qty"] = values.pop("quantity")
                values = {"options": options}
    if problems or product is None:
        return outcome
    try:
        with transaction.atomic():
            before = product.updated_at
            product = services.product_update(
                actor=ctx.actor,
                product=product,
                values=values,
                action="product.price_qty",
                audit=False,
            )
    except CatalogError as refusal:
        problems.append(
            Problem(_column_for(PRICE_QTY_COLUMNS, refusal.field), CellError(refusal.message))
        )
        return outcome
    outcome.status = "ok"
    outcome.action = "updated" if product.updated_at != before else "unchanged"
    outcome.item_code, outcome.seller_code = product.item_code or "", product.seller_code
    return outcome


APPLY = {"item": apply_item_row, "inventory": apply_price_qty_row}
