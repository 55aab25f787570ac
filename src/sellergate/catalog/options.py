"""An item's options: one model for the API and the bulk files.

- **Inventory** (在庫型オプション: the API's ``ItemType``/``InventoryInfo``, the item
  template's ``option_info``): rows of one or two option names and values, each with a
  price difference, a stock and the seller's option code, in ``Product.options`` as
  ``{"name1", "value1", "name2", "value2", "price", "qty", "code", "image"}``. Written
  ``name||*value||*price||*qty||*code`` (one level) or
  ``name1||*value1||*name2||*value2||*price||*qty||*code`` (two), rows joined by ``$$``.
  When the API sets an item's inventory, the item's quantity becomes the rows' added
  up (what can be sold); a bulk file sets both columns as it writes them.
- **Additional options** (追加型: ``AdditionalOption``, the template's
  ``additional_option_info``): ``name||*value||*price[||*code]`` rows, kept as written in
  ``Product.additional_option``; at most 3 names with 20 values each.
- **Text options** (``TextOptions``, the template's ``additional_option_text``): names a
  buyer types text for; the API adds each one's length (``name||*length``).
- **Images** per option value (``InventoryImage``, ``AdditionalOptionImage``; the
  template's ``image_option_info``/``image_additional_option_info``): ``name||*value||*url``
  rows, applied where the name and value match an option (as the template says); the
  answer says how many matched.

Refusals are ``CatalogError`` naming the template's column key (``option_info``…).
"""

from __future__ import annotations

from typing import Any

from sellergate.catalog.errors import CatalogError
from sellergate.catalog.models import Product
from sellergate.core.errors import Message as _
from sellergate.core.numbers import parse_whole

ROWS = "$$"
PARTS = "||*"
MAX_NAMES = 2
MAX_ADDITIONAL_NAMES = 3
MAX_VALUES = 20
MAX_TEXT = 50
MAX_TEXT_OPTIONS = 3
MAX_QTY = 999_999
PRICE_LIMIT = 999_999_999


def _split(text: str) -> list[list[str]]:
    return [[p.strip() for p in row.split(PARTS)] for row in text.split(ROWS) if row.strip()]


def _number(field: str, n: int, what: Any, raw: str, *, low: int, high: int) -> int:
    value = parse_whole(raw or "0")
    if value is None:
        raise CatalogError(
            field, _("Option %(n)d: the %(what)s is a whole number.") % {"n": n, "what": what}
        )
    if not low <= value <= high:
        raise CatalogError(
            field,
            _("Option %(n)d: the %(what)s is from %(low)d to %(high)d.")
            % {"n": n, "what": what, "low": low, "high": high},
        )
    return value


def _text(field: str, n: int, value: str) -> str:
    if len(value) > MAX_TEXT:
        raise CatalogError(
            field,
            _("Option %(n)d: names and values are at most %(max)d characters.")
            % {"n": n, "max": MAX_TEXT},
        )
    return value


def parse_inventory(text: str, field: str = "option_info") -> list[dict[str, Any]]:
    rows = []
    for n, parts in enumerate(_split(text), start=1):
        if len(parts) == 5:
            name1, value1, price, qty, code = parts
            name2 = value2 = ""
        elif len(parts) == 7:
            name1, value1, name2, value2, price, qty, code = parts
        else:
            raise CatalogError(
                field,
                _(
                    "Option %(n)d has %(got)d parts; write name||*value||*price||*stock||*code "
                    "or name1||*value1||*name2||*value2||*price||*stock||*code."
                )
                % {"n": n, "got": len(parts)},
            )
        if not name1 or not value1 or bool(name2) != bool(value2):
            raise CatalogError(field, _("Option %(n)d needs each name with its value.") % {"n": n})
        rows.append(
            {
                "name1": _text(field, n, name1),
                "value1": _text(field, n, value1),
                "name2": _text(field, n, name2),
                "value2": _text(field, n, value2),
                "price": _number(field, n, _("price"), price, low=0, high=PRICE_LIMIT),
                "qty": _number(field, n, _("stock"), qty, low=0, high=MAX_QTY),
                "code": _text(field, n, code),
                "image": "",
            }
        )
    check_inventory(rows, field)
    return rows


def check_inventory(rows: list[dict[str, Any]], field: str = "option_info") -> None:
    """The rows together: the same option names in each, at most 20 values a name, each
    combination and each option code once."""
    if len({(row["name1"], row["name2"]) for row in rows}) > 1:
        raise CatalogError(field, _("Every option row names the same option types."))
    for key in ("value1", "value2"):
        if len({row[key] for row in rows if row[key]}) > MAX_VALUES:
            raise CatalogError(
                field, _("At most %(n)d values per option type.") % {"n": MAX_VALUES}
            )
    combinations = [(row["value1"], row["value2"]) for row in rows]
    if len(combinations) != len(set(combinations)):
        raise CatalogError(field, _("An option appears twice."))
    codes = [row["code"] for row in rows if row["code"]]
    if len(codes) != len(set(codes)):
        raise CatalogError(field, _("An option code appears twice."))


def inventory_values(rows: list[dict[str, Any]], quantity: int | None = None) -> dict[str, Any]:
    """What to save for ``rows``: the rows, and the item's quantity as theirs added up."""
    values: dict[str, Any] = {"options": rows}
    if rows:
        values["quantity"] = sum(row["qty"] for row in rows)
    elif quantity is not None:
        values["quantity"] = quantity
    return values


def _levels(names: str, values: str) -> tuple[list[str], list[str]]:
    """OptionName/OptionValue of one row: several levels joined by ||*."""
    return [n.strip() for n in names.split(PARTS)], [v.strip() for v in values.split(PARTS)]


def find_row(
    product: Product, names: str, values: str, code: str = "", field: str = "option_info"
) -> int:
    """The index of the row with these names and values (and this code, when given)."""
    wanted_names, wanted_values = _levels(names, values)
    for index, row in enumerate(product.options):
        row_names = [row["name1"], *([row["name2"]] if row.get("name2") else [])]
        row_values = [row["value1"], *([row["value2"]] if row.get("value2") else [])]
        if row_names == wanted_names and row_values == wanted_values:
            if code and row.get("code") != code:
                raise CatalogError(
                    "option_code",
                    _("The option %(value)s has the code %(code)s, not %(given)s.")
                    % {"value": values, "code": row.get("code"), "given": code},
                )
            return index
    raise CatalogError(
        field,
        _("The item has no option %(name)s = %(value)s.") % {"name": names, "value": values},
        code="not_found",
    )


def inventory_insert(
    product: Product, names: str, values: str, *, code: str, price: int, qty: int
) -> list[dict[str, Any]]:
    level_names, level_values = _levels(names, values)
    if len(level_names) != len(level_values) or not 1 <= len(level_names) <= MAX_NAMES:
        raise CatalogError("option_info", _("Give one or two option names, each with its value."))
    row = {
        "name1": _text("option_info", 1, level_names[0]),
        "value1": _text("option_info", 1, level_values[0]),
        "name2": _text("option_info", 1, level_names[1]) if len(level_names) > 1 else "",
        "value2": _text("option_info", 1, level_values[1]) if len(level_values) > 1 else "",
        "price": price,
        "qty": qty,
        "code": _text("option_info", 1, code),
        "image": "",
    }
    rows = [*[dict(r) for r in product.options], row]
    check_inventory(rows)
    return rows


def inventory_change(
    product: Product,
    names: str,
    values: str,
    *,
    code: str = "",
    price: int | None = None,
    qty: int | None = None,
    plus: int | None = None,
) -> list[dict[str, Any]]:
    rows = [dict(r) for r in product.options]
    row = rows[find_row(product, names, values, code)]
    if price is not None:
        row["price"] = price
    if qty is not None:
        row["qty"] = qty
    if plus is not None:
        if row["qty"] + plus < 0:
            raise CatalogError(
                "option_qty",
                _("The option has %(qty)d in stock; it cannot go below 0.") % {"qty": row["qty"]},
            )
        row["qty"] += plus
    if not 0 <= row["qty"] <= MAX_QTY:
        raise CatalogError("option_qty", _("Stock is from 0 to %(max)d.") % {"max": MAX_QTY})
    return rows


def inventory_delete(product: Product, names: str, values: str, code: str) -> list[dict[str, Any]]:
    index = find_row(product, names, values, code)
    return [dict(r) for i, r in enumerate(product.options) if i != index]


def parse_additional(text: str, field: str = "additional_option_info") -> list[dict[str, Any]]:
    rows = []
    for n, parts in enumerate(_split(text), start=1):
        if len(parts) not in (3, 4) or not parts[0] or not parts[1]:
            raise CatalogError(
                field,
                _("Additional option %(n)d: write name||*value||*price, or ||*code after it.")
                % {"n": n},
            )
        rows.append(
            {
                "name": _text(field, n, parts[0]),
                "value": _text(field, n, parts[1]),
                "price": _number(field, n, _("price"), parts[2], low=0, high=PRICE_LIMIT),
                "code": _text(field, n, parts[3]) if len(parts) == 4 else "",
            }
        )
    names = {row["name"] for row in rows}
    if len(names) > MAX_ADDITIONAL_NAMES:
        raise CatalogError(
            field, _("At most %(n)d additional option names.") % {"n": MAX_ADDITIONAL_NAMES}
        )
    for name in names:
        if sum(1 for row in rows if row["name"] == name) > MAX_VALUES:
            raise CatalogError(field, _("At most %(n)d values per option.") % {"n": MAX_VALUES})
    return rows


def parse_text_options(text: str, field: str = "additional_option_text") -> dict[str, int]:
    """``name||*length`` rows (the length a buyer may type; 50 when not given)."""
    found: dict[str, int] = {}
    for n, parts in enumerate(_split(text), start=1):
        if len(parts) > 2 or not parts[0]:
            raise CatalogError(field, _("Text option %(n)d: write name||*length.") % {"n": n})
        if len(parts[0]) > 20:
            raise CatalogError(field, _("A text option's name is at most 20 characters."))
        length = parts[1] if len(parts) == 2 else ""
        found[parts[0]] = _number(field, n, _("length"), length or "50", low=1, high=200)
    if len(found) > MAX_TEXT_OPTIONS:
        raise CatalogError(field, _("At most %(n)d text options.") % {"n": MAX_TEXT_OPTIONS})
    return found


def parse_images(text: str, field: str) -> list[tuple[str, str, str]]:
    images = []
    for n, parts in enumerate(_split(text), start=1):
        if len(parts) != 3 or not all(parts):
            raise CatalogError(field, _("Image %(n)d: write name||*value||*image URL.") % {"n": n})
        images.append((parts[0], parts[1], parts[2]))
    return images


def with_inventory_images(
    product: Product, text: str
) -> tuple[list[dict[str, Any]], dict[str, Any], int]:
    """The rows with the images whose name and value match (either level), the item's
    extra with the template's image_option_info for those images (what a bulk file
    writes: the one record of them), and how many matched."""
    rows = [dict(r) for r in product.options]
    matched = 0
    applied = []
    for name, value, url in parse_images(text, "image_option_info"):
        hits = matched
        for row in rows:
            if (row["name1"], row["value1"]) == (name, value) or (
                row.get("name2"),
                row.get("value2"),
            ) == (name, value):
                row["image"] = url
                matched += 1
        if matched > hits:
            applied.append(PARTS.join((name, value, url)))
    return rows, {**product.extra, "image_option_info": ROWS.join(applied)}, matched


def with_additional_images(product: Product, text: str) -> tuple[dict[str, Any], int]:
    """The item's extra with the template's image_additional_option_info for the images
    whose name and value match an additional option; how many did."""
    offered = {(row["name"], row["value"]) for row in parse_additional(product.additional_option)}
    kept = [(n, v, url) for n, v, url in parse_images(text, "image_additional_option_info")]
    matching = [(n, v, url) for n, v, url in kept if (n, v) in offered]
    written = ROWS.join(PARTS.join(entry) for entry in matching)
    return {**product.extra, "image_additional_option_info": written}, len(matching)
