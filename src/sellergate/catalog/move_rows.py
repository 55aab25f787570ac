"""A MOVE listing's colours, images, stock rows and codes, read from and written back to
the guide's text forms (rows joined by ``$$``, parts by ``||*``), and checked.

The forms, as ``ItemsBasic.SetNewMoveGoods`` gives them:

- ``OptionType``: ``name||*colourCode||*Y/N||*modelCode||*wornSize``, one row per
  colour, at most 20, exactly one marked Y (the main colour). The model code and worn
  size may be left off (3 to 5 parts), as clients leave trailing empty parts off.
- ``OptionMainimage``: ``name||*url``, one per colour, every colour one.
- ``OptionSubimage``: ``name||*url1||*url2…``, up to 10 per colour.
- ``OptionQty``: ``name||*size||*qty||*sellerOptionCode`` for a listing with sizes, or
  ``name||*qty||*sellerOptionCode`` without; every row the same form, every colour at
  least one row (a colour nobody can buy is a mistake, not a choice).

Stock rows become the product's ``options`` (``カラー``/``サイズ`` as the option names), so
the item's quantity is their sum, as for every item with options. Refusals are
``CatalogError`` on the ``move.*`` name of the part they are about, which each
interface maps to the name its user wrote.
"""

from __future__ import annotations

import re
from typing import Any

from sellergate.catalog import images
from sellergate.catalog.errors import CatalogError
from sellergate.catalog.options import MAX_QTY, check_inventory
from sellergate.core.errors import Message as _
from sellergate.core.numbers import parse_whole

ROWS = "$$"
PARTS = "||*"
COLOUR = "カラー"
SIZE = "サイズ"
MAX_COLOURS = 20
MAX_SUB_IMAGES = 10
MAX_NAME = 50
MAX_CODE = 30
MAX_STYLES = 2
MAX_MATERIALS = 3
MAX_VIDEOS = 10
MAX_SIZE_ROWS = 100
SEASONS = ("1", "2", "3", "4")
#: The guide's limits that are shorter for MOVE listings than for normal items.
DESCRIPTION_BYTES = 1000
CONTACT_INFO = 20
MAX_WEIGHT = 30
CODE = re.compile(r"[A-Za-z0-9_-]{1,30}")

COLOURS = "move.colours"
MAIN_IMAGES = "move.main_images"
SUB_IMAGES = "move.sub_images"
STOCK = "move.stock"


def _rows(text: str) -> list[list[str]]:
    return [[p.strip() for p in row.split(PARTS)] for row in text.split(ROWS) if row.strip()]


def _short(field: str, n: int, value: str, limit: int = MAX_NAME) -> str:
    if len(value) > limit:
        raise CatalogError(
            field,
            _("Row %(n)d: each part is at most %(max)d characters.") % {"n": n, "max": limit},
        )
    return value


def parse_colours(text: str) -> list[dict[str, Any]]:
    colours: list[dict[str, Any]] = []
    for n, parts in enumerate(_rows(text), start=1):
        if not 3 <= len(parts) <= 5:
            raise CatalogError(
                COLOURS,
                _(
                    "Row %(n)d has %(got)d parts; write "
                    "colour||*colour code||*Y or N||*model code||*worn size."
                )
                % {"n": n, "got": len(parts)},
            )
        name, code, main, *rest = [*parts, "", ""][:5]
        if not name:
            raise CatalogError(COLOURS, _("Row %(n)d has no colour name.") % {"n": n})
        if main.upper() not in ("Y", "N"):
            raise CatalogError(
                COLOURS, _("Row %(n)d: the third part is Y (main colour) or N.") % {"n": n}
            )
        colours.append(
            {
                "name": _short(COLOURS, n, name),
                "colour_code": _short(COLOURS, n, code, MAX_CODE),
                "main": main.upper() == "Y",
                "model_code": _short(COLOURS, n, rest[0], MAX_CODE),
                "worn_size": _short(COLOURS, n, rest[1]),
                "image": "",
                "sub_images": [],
            }
        )
    if not colours:
        raise CatalogError(COLOURS, _("Give at least one colour."), code="required")
    if len(colours) > MAX_COLOURS:
        raise CatalogError(COLOURS, _("At most %(n)d colours.") % {"n": MAX_COLOURS})
    names = [c["name"] for c in colours]
    if len(names) != len(set(names)):
        raise CatalogError(COLOURS, _("A colour appears twice."))
    if sum(c["main"] for c in colours) != 1:
        raise CatalogError(COLOURS, _("Mark exactly one colour Y (the main colour)."))
    return colours


def _colour_index(colours: list[dict[str, Any]], field: str, n: int, name: str) -> int:
    for index, colour in enumerate(colours):
        if colour["name"] == name:
            return index
    raise CatalogError(
        field,
        _("Row %(n)d names colour %(name)s, which is not in OptionType.") % {"n": n, "name": name},
    )


def _image(field: str, value: str) -> str:
    problem = images.problem(value)
    if problem is not None:
        raise CatalogError(field, problem)
    return value


def with_main_images(colours: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """``colours`` with their main images from ``text``; every colour needs one."""
    result = [dict(c) for c in colours]
    seen: set[int] = set()
    for n, parts in enumerate(_rows(text), start=1):
        if len(parts) != 2 or not parts[1]:
            raise CatalogError(MAIN_IMAGES, _("Row %(n)d: write colour||*image URL.") % {"n": n})
        index = _colour_index(colours, MAIN_IMAGES, n, parts[0])
        if index in seen:
            raise CatalogError(MAIN_IMAGES, _("A colour has two main images."))
        seen.add(index)
        result[index]["image"] = _image(MAIN_IMAGES, parts[1])
    missing = [c["name"] for i, c in enumerate(colours) if i not in seen]
    if missing:
        raise CatalogError(
            MAIN_IMAGES, _("Colour %(name)s has no main image.") % {"name": missing[0]}
        )
    return result


def with_sub_images(colours: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """``colours`` with the further images from ``text`` (a colour not named has none)."""
    result = [{**c, "sub_images": []} for c in colours]
    for n, parts in enumerate(_rows(text), start=1):
        index = _colour_index(colours, SUB_IMAGES, n, parts[0])
        urls = [_image(SUB_IMAGES, url) for url in parts[1:] if url]
        if len(urls) > MAX_SUB_IMAGES:
            raise CatalogError(
                SUB_IMAGES,
                _("At most %(max)d further images per colour.") % {"max": MAX_SUB_IMAGES},
            )
        result[index]["sub_images"] = urls
    return result


def parse_stock(
    colours: list[dict[str, Any]], text: str, *, every_colour: bool = True
) -> list[dict[str, Any]]:
    """The stock rows as the product's option rows; a listing's whole stock has a row for
    every colour (``every_colour``), a change of some rows need not."""
    rows: list[dict[str, Any]] = []
    shapes = set()
    for n, parts in enumerate(_rows(text), start=1):
        if len(parts) == 4:
            name, size, qty, code = parts
        elif len(parts) == 3:
            name, qty, code = parts
            size = ""
        else:
            raise CatalogError(
                STOCK,
                _(
                    "Row %(n)d has %(got)d parts; write colour||*size||*stock||*option code, "
                    "or colour||*stock||*option code without sizes."
                )
                % {"n": n, "got": len(parts)},
            )
        shapes.add(len(parts))
        _colour_index(colours, STOCK, n, name)
        if len(parts) == 4 and not size:
            raise CatalogError(STOCK, _("Row %(n)d has no size.") % {"n": n})
        stock = parse_whole(qty)
        if stock is None or not 0 <= stock <= MAX_QTY:
            raise CatalogError(
                STOCK,
                _("Row %(n)d: the stock is a whole number from 0 to %(max)d.")
                % {"n": n, "max": MAX_QTY},
            )
        rows.append(
            {
                "name1": COLOUR,
                "value1": name,
                "name2": SIZE if size else "",
                "value2": _short(STOCK, n, size),
                "price": 0,
                "qty": stock,
                "code": _short(STOCK, n, code),
                "image": "",
            }
        )
    if len(shapes) > 1:
        raise CatalogError(STOCK, _("Give every row with a size, or every row without."))
    check_inventory(rows, STOCK)
    stocked = {row["value1"] for row in rows}
    for colour in colours if every_colour else ():
        if colour["name"] not in stocked:
            raise CatalogError(
                STOCK, _("Colour %(name)s has no stock row.") % {"name": colour["name"]}
            )
    return rows


def merge_stock(old: list[dict[str, Any]], given: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``old`` with the rows of ``given`` in place of those of the same colour and size,
    and the new ones after them."""
    key = lambda row: (row["value1"], row["value2"])  # noqa: E731
    changes = {key(row): row for row in given}
    merged = [changes.pop(key(row), row) for row in old]
    merged += [row for row in given if key(row) in changes]
    check_inventory(merged, STOCK)
    return merged


def check_stock(colours: list[dict[str, Any]], rows: list[dict[str, Any]], field: str) -> None:
    """Option rows written to a MOVE listing another way (the inventory methods) still
    name its colours and sizes, and add nothing to its price."""
    names = {c["name"] for c in colours}
    for n, row in enumerate(rows, start=1):
        if row["name1"] != COLOUR or row["value1"] not in names or row["name2"] not in ("", SIZE):
            raise CatalogError(
                field,
                _(
                    "Option %(n)d: a MOVE listing's options are %(colour)s (one of its colours) "
                    "and %(size)s."
                )
                % {"n": n, "colour": COLOUR, "size": SIZE},
            )
        if row["price"]:
            raise CatalogError(
                field,
                _("Option %(n)d: a MOVE listing's options add nothing to the price.") % {"n": n},
            )


def parse_codes(field: str, text: str, *, most: int) -> list[str]:
    """Codes joined by ``$$`` (style, TPO, material, video codes), each once."""
    found = [code.strip() for code in text.split(ROWS) if code.strip()]
    if len(found) > most:
        raise CatalogError(field, _("At most %(n)d codes.") % {"n": most})
    for code in found:
        if CODE.fullmatch(code) is None:
            raise CatalogError(
                field,
                _("%(code)s is not a code (letters, digits, - and _).") % {"code": code[:40]},
            )
    if len(found) != len(set(found)):
        raise CatalogError(field, _("A code appears twice."))
    return found


def parse_seasons(text: str) -> list[str]:
    found = parse_codes("move.seasons", text, most=len(SEASONS))
    if any(season not in SEASONS for season in found):
        raise CatalogError("move.seasons", _("Seasons are 1 spring, 2 summer, 3 autumn, 4 winter."))
    return found


def parse_attributes(text: str) -> list[list[str]]:
    rows = _rows(text)
    for n, parts in enumerate(rows, start=1):
        if not 2 <= len(parts) <= 4 or not all(parts):
            raise CatalogError(
                "move.attributes",
                _("Row %(n)d: write group code||*attribute code (up to three).") % {"n": n},
            )
        for part in parts:
            _short("move.attributes", n, part, MAX_CODE)
    return rows


def parse_size_table(text: str) -> list[list[str]]:
    rows = _rows(text)
    if len(rows) > MAX_SIZE_ROWS:
        raise CatalogError("move.size_tables", _("At most %(n)d rows.") % {"n": MAX_SIZE_ROWS})
    for n, parts in enumerate(rows, start=1):
        if len(parts) != 3 or not parts[0] or not parts[1]:
            raise CatalogError(
                "move.size_tables",
                _("Row %(n)d: write size||*size item code||*value.") % {"n": n},
            )
        for part in parts:
            _short("move.size_tables", n, part)
    return rows


# Written back in the forms they were read in (GetMoveItemDetailInfo), so a client can
# send what it read.


def _join(rows: list[list[str]]) -> str:
    return ROWS.join(PARTS.join(parts) for parts in rows)


def colours_text(colours: list[dict[str, Any]]) -> str:
    return _join(
        [
            [
                c["name"],
                c["colour_code"],
                "Y" if c["main"] else "N",
                c["model_code"],
                c["worn_size"],
            ]
            for c in colours
        ]
    )


def main_images_text(colours: list[dict[str, Any]]) -> str:
    return _join([[c["name"], c["image"]] for c in colours])


def sub_images_text(colours: list[dict[str, Any]]) -> str:
    return _join([[c["name"], *c["sub_images"]] for c in colours if c["sub_images"]])


def stock_text(rows: list[dict[str, Any]]) -> str:
    return _join(
        [
            [r["value1"], *([r["value2"]] if r["value2"] else []), str(r["qty"]), r["code"]]
            for r in rows
        ]
    )


def compose(
    option_type: str,
    main_images: str,
    sub_images: str | None,
    stock: str,
    old: list[dict[str, Any]] | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The colours (with their images) and the stock rows a registration or a change
    gives. Without ``sub_images`` a change keeps each remaining colour's further images
    (``old``): a client that does not send them does not mean to remove them."""
    colours = with_main_images(parse_colours(option_type), main_images)
    if sub_images is not None:
        colours = with_sub_images(colours, sub_images)
    elif old:
        kept = {c["name"]: c.get("sub_images", []) for c in old}
        colours = [{**c, "sub_images": kept.get(c["name"], [])} for c in colours]
    return colours, parse_stock(colours, stock)


def check_product(product: Any) -> None:
    """The guide's shorter limits for a MOVE listing, whichever method writes it."""
    if len(product.description.encode("utf-8")) > DESCRIPTION_BYTES:
        raise CatalogError(
            "description",
            _("A MOVE listing's description is at most %(n)d bytes (UTF-8).")
            % {"n": DESCRIPTION_BYTES},
        )
    if len(product.contact_info) > CONTACT_INFO:
        raise CatalogError(
            "contact_info",
            _("A MOVE listing's contact is at most %(n)d characters.") % {"n": CONTACT_INFO},
        )
    weight = product.weight
    if weight is not None and (not 0 < weight <= MAX_WEIGHT or weight != round(weight, 1)):
        raise CatalogError(
            "weight", _("The weight is up to %(n)d kg, with one decimal.") % {"n": MAX_WEIGHT}
        )
