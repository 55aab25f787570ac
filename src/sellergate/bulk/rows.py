"""Applying a batch of data rows of a bulk file to the catalog.

Every problem of a row is collected (not just the first) and reported with the column
it is about; a row with any problem changes nothing, and never holds back the others.
Rows are matched to items by item_number, else by seller_unique_item_id — so the same
file processed twice leaves the same catalog: the second time every row is "unchanged".
A batch is read from the catalog in two queries and written in one INSERT and one UPDATE
(``catalog.batch``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sellergate.bulk.cells import CellError
from sellergate.bulk.columns import ITEM_COLUMNS, NEW_ITEM_REQUIRED, PRICE_QTY_COLUMNS, Column
from sellergate.catalog import options as catalog_options
from sellergate.catalog import seller_codes
from sellergate.catalog.batch import Change, Saved, products_save
from sellergate.catalog.errors import CatalogError
from sellergate.catalog.lookups import CachedLookups
from sellergate.catalog.models import Product
from sellergate.core.actors import Actor
from sellergate.core.csvsafe import ERROR_VALUES
from sellergate.sellers.models import Seller

Row = tuple[int, dict[str, str]]


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


def normalised(cells: dict[str, str]) -> dict[str, str]:
    """The row with its seller item code in the catalog's one form (``seller_codes``), so
    the duplicate check, the lookup and the write all see the code the catalog keeps."""
    code = cells.get("seller_unique_item_id", "")
    form = seller_codes.normal(code) if code else code
    return cells if form == code else {**cells, "seller_unique_item_id": form}


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
    lookups: CachedLookups = field(default_factory=CachedLookups)

    def remember(self, kind: str, number: int, cells: dict[str, str]) -> None:
        """A row applied before a resume still counts for the duplicate check."""
        self.seen.setdefault(identity(kind, normalised(cells)), number)


def _column_for(columns: tuple[Column, ...], catalog_field: str) -> str:
    for column in columns:
        if column.read is not None and catalog_field in getattr(column.read, "fields", ()):
            return column.key
    return catalog_field


def _read(columns: tuple[Column, ...], cells: dict[str, str], problems: list[Problem]) -> dict:
    """The row's filled cells read into catalog values (only the file's own columns are
    looked at: a file with 7 of the template's 49 columns costs 7 reads a row)."""
    by_key = READERS[columns]
    values: dict[str, Any] = {}
    for key, text in cells.items():
        read = by_key.get(key)
        if not text or read is None:
            continue
        if text in ERROR_VALUES:
            problems.append(
                Problem(
                    key,
                    CellError(
                        _(
                            "The cell shows the spreadsheet error %(value)s: fix its formula, "
                            "or type the value itself."
                        ),
                        value=text,
                    ),
                )
            )
            continue
        try:
            values.update(read(text))
        except CellError as error:
            problems.append(Problem(key, error))
    return values


def _merge_kept(values: dict[str, Any], product: Product | None) -> dict[str, Any]:
    kept = {k.removeprefix("extra."): v for k, v in values.items() if k.startswith("extra.")}
    merged = {k: v for k, v in values.items() if not k.startswith("extra.")}
    if kept:
        merged["extra"] = {**(product.extra if product else {}), **kept}
    return merged


def _existing(seller: Seller, rows: list[Row]) -> tuple[dict[str, Product], dict[str, Product]]:
    """The batch's items already in the catalog, by item code and by seller item code."""
    item_codes = {c["item_number"] for _n, c in rows if c.get("item_number")}
    seller_codes = {c["seller_unique_item_id"] for _n, c in rows if c.get("seller_unique_item_id")}
    found = Product.objects.of(seller).filter(
        Q(item_code__in=item_codes) | Q(seller_code__in=seller_codes)
    )
    by_item: dict[str, Product] = {}
    by_code: dict[str, Product] = {}
    for product in found:
        if product.item_code:  # every saved product has one; the type allows None
            by_item[product.item_code] = product
        by_code[product.seller_code] = product
    return by_item, by_code


def _start(ctx: Context, kind: str, number: int, cells: dict[str, str]) -> Outcome:
    outcome = Outcome(
        status="error",
        item_code=cells.get("item_number", ""),
        seller_code=cells.get("seller_unique_item_id", ""),
    )
    first = ctx.seen.setdefault(identity(kind, cells), number)
    if first != number:
        column = "item_number" if cells.get("item_number") else "seller_unique_item_id"
        outcome.problems.append(
            Problem(
                column,
                CellError(_("Also in row %(row)d of this file: give each item once."), row=first),
            )
        )
    return outcome


def _item_change(ctx: Context, outcome: Outcome, cells: dict[str, str], found) -> Change | None:
    by_item, by_code = found
    item_code, seller_code = outcome.item_code, outcome.seller_code
    values = _read(ITEM_COLUMNS, cells, outcome.problems)
    product = None
    if item_code:
        product = by_item.get(item_code)
        if product is None:
            outcome.problems.append(
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
        product = by_code.get(seller_code)  # registered before: this row modifies it
    if product is None and not item_code:
        for key in NEW_ITEM_REQUIRED:
            if not cells.get(key):
                outcome.problems.append(
                    Problem(key, CellError(_("Required to register a new item.")))
                )
    _option_stock(values, product, cells, outcome.problems)
    if outcome.problems:
        return None
    return Change(product=product, values=_merge_kept(values, product))


def _option_stock(
    values: dict[str, Any], product: Product | None, cells: dict[str, str], problems: list
) -> None:
    """An item with options has their stock added up as its own (as the API keeps it):
    a quantity that says otherwise is refused, naming the sum, never stored beside it."""
    rows = values.get("options")
    if rows is None and product is not None and "quantity" in values and product.options:
        rows = product.options  # the quantity of an item whose options stay as they are
    if not rows:
        return
    total = sum(int(row.get("qty", 0)) for row in rows)
    if "quantity" in values and values["quantity"] != total:
        problems.append(
            Problem(
                "quantity",
                CellError(
                    _(
                        "The item's options have %(total)d in stock added up: leave quantity "
                        "empty or give %(total)d (change an option's stock with edit_type i)."
                    ),
                    total=total,
                ),
            )
        )
    elif cells.get("option_info"):
        values["quantity"] = total


def _price_qty_change(
    ctx: Context, outcome: Outcome, cells: dict[str, str], found
) -> Change | None:
    by_item, by_code = found
    problems = outcome.problems
    values = _read(PRICE_QTY_COLUMNS, cells, problems)
    edit = values.pop("edit_type", "item")
    option_code = values.pop("option_code", "")
    item_code, seller_code = outcome.item_code, outcome.seller_code
    product = by_item.get(item_code) if item_code else by_code.get(seller_code)
    if not item_code and not seller_code:
        problems.append(
            Problem("item_number", CellError(_("Give item_number or seller_unique_item_id.")))
        )
    elif product is None:
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
                # The item's stock is its options' added up, as the API keeps it.
                values = catalog_options.inventory_values(options)
    elif product is not None:
        _option_stock(values, product, cells, problems)
    if problems or product is None:
        return None
    return Change(product=product, values=values)


READERS = {
    columns: {c.key: c.read for c in columns if c.read is not None}
    for columns in (ITEM_COLUMNS, PRICE_QTY_COLUMNS)
}
CHANGES: dict[str, Callable[..., Change | None]] = {
    "item": _item_change,
    "inventory": _price_qty_change,
}
COLUMNS = {"item": ITEM_COLUMNS, "inventory": PRICE_QTY_COLUMNS}


def apply_batch(ctx: Context, kind: str, rows: list[Row]) -> list[Outcome]:
    """One outcome per row, in order. Run inside the batch's transaction."""
    rows = [(number, normalised(cells)) for number, cells in rows]
    found = _existing(ctx.seller, rows)
    outcomes: list[Outcome] = []
    changes: list[tuple[Outcome, Change]] = []
    for number, cells in rows:
        outcome = _start(ctx, kind, number, cells)
        change = CHANGES[kind](ctx, outcome, cells, found)
        outcomes.append(outcome)
        if change is not None and not outcome.problems:
            changes.append((outcome, change))
    try:
        with transaction.atomic():
            saved = products_save(
                seller=ctx.seller, changes=[c for _o, c in changes], lookups=ctx.lookups
            )
    except IntegrityError:
        if len(rows) == 1:
            outcomes[0].problems.append(
                Problem(
                    "seller_unique_item_id",
                    CellError(
                        _(
                            "Another change to this item was saved at the same moment: "
                            "upload the row again."
                        )
                    ),
                )
            )
            return outcomes
        # Someone else wrote one of these items meanwhile: go row by row. (The rows are
        # in ``seen`` already, each under its own number, so none is its own duplicate.)
        return [apply_batch(ctx, kind, [row])[0] for row in rows]
    for (outcome, _change), result in zip(changes, saved, strict=True):
        if isinstance(result, CatalogError):
            outcome.problems.append(
                Problem(_column_for(COLUMNS[kind], result.field), CellError(result.message))
            )
            continue
        assert isinstance(result, Saved)
        outcome.status, outcome.action = "ok", result.action
        outcome.item_code = result.product.item_code or ""
        outcome.seller_code = result.product.seller_code
    return outcomes
