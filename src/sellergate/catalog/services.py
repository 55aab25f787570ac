"""The only write path for the catalog: one transaction and one audit event each.

``values`` are catalog field names with Python values (the API and the bulk parser
convert their own formats first); ``category`` and ``brand`` are given by code/number.
Every refusal is a ``CatalogError`` naming the field, and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from sellergate.audit.services import audit_record
from sellergate.audit.snapshots import changed, field_values
from sellergate.catalog import codes, images, move_rows, seller_codes
from sellergate.catalog.errors import CatalogError
from sellergate.catalog.lookups import DATABASE, Lookups
from sellergate.catalog.models import Listing, Product
from sellergate.core.actors import Actor
from sellergate.core.errors import Message as _
from sellergate.sellers.models import Seller

MAX_KEYWORDS = 10
MAX_KEYWORD_LENGTH = 30
MAX_OTHER_IMAGES = 50
TAX_RATES = ("", "S", "10", "8", "0")
# The listing type is set when a product is made (``catalog.move`` makes MOVE ones) and
# never changed: a normal item and a MOVE listing have different rules and data.
WRITABLE = frozenset(
    f.name
    for f in Product._meta.concrete_fields
    if f.name not in {"id", "seller", "item_code", "listing", "created_at", "updated_at"}
)
AUDITED = tuple(sorted(WRITABLE | {"listing"}))
REQUIRED_NEW = ("title", "category", "price")


def resolve_values(
    seller: Seller, values: dict[str, Any], lookups: Lookups = DATABASE
) -> dict[str, Any]:
    unknown = set(values) - WRITABLE
    if unknown:
        raise CatalogError(sorted(unknown)[0], _("Not a catalog field."))
    resolved = dict(values)
    if values.get("seller_code"):
        resolved["seller_code"] = seller_codes.normal(str(values["seller_code"]))
    if "category" in values:
        category, leaf = lookups.category(str(values["category"]))
        if category is None:
            raise CatalogError(
                "category",
                _("No category %(code)s; see the category list.") % {"code": values["category"]},
            )
        if not leaf:
            raise CatalogError(
                "category",
                _("Category %(code)s has subcategories; choose a small (leaf) category.")
                % {"code": category.code},
            )
        resolved["category"] = category
    if "brand" in values:
        number = values["brand"]
        if number in (None, "", "0", 0):
            resolved["brand"] = None
        else:
            brand = lookups.brand(str(number))
            if brand is None:
                raise CatalogError(
                    "brand",
                    _("No brand number %(number)s; search brands first.") % {"number": number},
                )
            resolved["brand"] = brand
    shipping_no = values.get("shipping_no")
    if shipping_no and not lookups.shipping_group(seller, shipping_no):
        raise CatalogError(
            "shipping_no",
            _("You have no shipping group %(number)s (0 = free shipping).")
            % {"number": shipping_no},
        )
    keywords = values.get("keywords")
    if keywords is not None:
        if len(keywords) > MAX_KEYWORDS:
            raise CatalogError("keywords", _("At most %(n)d keywords.") % {"n": MAX_KEYWORDS})
        if any(len(k) > MAX_KEYWORD_LENGTH for k in keywords):
            raise CatalogError(
                "keywords", _("A keyword is at most %(n)d characters.") % {"n": MAX_KEYWORD_LENGTH}
            )
    images = values.get("images_other")
    if images is not None and len(images) > MAX_OTHER_IMAGES:
        raise CatalogError(
            "images_other", _("At most %(n)d other images.") % {"n": MAX_OTHER_IMAGES}
        )
    for name in ("image_main", "video_url"):
        if values.get(name):
            _check_image(name, values[name])
    for image in values.get("images_other") or ():
        _check_image("images_other", image)
    if values.get("tax_rate") is not None and values["tax_rate"] not in TAX_RATES:
        raise CatalogError("tax_rate", _("Tax rate is empty, S, 10, 8 or 0."))
    return resolved


def _check_image(field: str, value: str) -> None:
    problem = images.problem(value)
    if problem is not None:
        raise CatalogError(field, problem)


SAME_DAY = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def check_available_date(kind: int, value: str) -> None:
    """0: ships in 1–3 days; 1: same day if ordered by hh:mm; 2: made to order, 4–14
    days; 3: from a release date YYYY-MM-DD (the marketplace's 発送可能日 rules)."""
    ok = {
        0: lambda v: v in ("", "1", "2", "3"),
        1: lambda v: bool(SAME_DAY.match(v)),
        2: lambda v: v.isdigit() and 4 <= int(v) <= 14,
        3: lambda v: bool(re.match(r"^\d{4}-\d{2}-\d{2}$", v)) and _is_date(v),
    }
    if kind not in ok:
        raise CatalogError("available_date_type", _("Shipping date type is 0, 1, 2 or 3."))
    if not ok[kind](value or ""):
        raise CatalogError(
            "available_date_value",
            _(
                "For shipping date type %(type)d give: 0 → 1 to 3 (days), 1 → hh:mm, "
                "2 → 4 to 14 (days), 3 → YYYY-MM-DD."
            )
            % {"type": kind},
        )


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def refusal_of(error: ValidationError, prefix: str = "") -> CatalogError:
    """A model's ``full_clean`` refusal as the catalog's: its first field's first message
    (Django's own, kept lazy like ours), the field named with ``prefix``."""
    field, errors = next(iter(error.error_dict.items()))
    first = errors[0]
    return CatalogError(f"{prefix}{field}", _(first.message, first.params))


def _clean(product: Product) -> None:
    # Checked on the product as it will be, since a change may give only one of the two.
    check_available_date(product.available_date_type, product.available_date_value)
    try:
        product.full_clean(
            exclude={"seller", "item_code"}, validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        raise refusal_of(error) from None
    if product.listing == Listing.MOVE:  # its own limits, on the values as cleaned
        move_rows.check_product(product)


def _save_unique(product: Product) -> None:
    taken = Product.objects.of(product.seller_id).filter(seller_code=product.seller_code)
    if product.pk:
        taken = taken.exclude(pk=product.pk)
    if taken.exists():
        raise CatalogError(
            "seller_code",
            _("Seller item code %(code)s is already used by another of your items.")
            % {"code": product.seller_code},
            code="duplicate",
        )
    try:
        with transaction.atomic():  # a savepoint: a race on the constraint ends here
            product.save()
    except IntegrityError:
        raise CatalogError(
            "seller_code",
            _("Seller item code %(code)s is already used by another of your items.")
            % {"code": product.seller_code},
            code="duplicate",
        ) from None


@transaction.atomic
def product_create(
    *,
    actor: Actor,
    seller: Seller,
    values: dict[str, Any],
    audit: bool = True,
    listing: str = Listing.NORMAL,
) -> Product:
    """Register a product. ``audit=False`` only for a caller that audits the whole batch
    itself (a bulk job: one event for the file, its result file row by row), or the
    product with what it makes beside it (a MOVE listing: ``catalog.move``)."""
    for required in REQUIRED_NEW:
        if values.get(required) in (None, ""):
            raise CatalogError(required, _("Required."), code="required")
    product = Product(seller=seller, listing=listing, **resolve_values(seller, values))
    product.item_code = codes.take(1)[0]
    if not product.seller_code:
        # The marketplace does not require a seller item code; without one, the item's
        # own code is it (unique among the seller's items as among all).
        product.seller_code = product.item_code
    _clean(product)
    _save_unique(product)
    if not audit:
        return product
    audit_record(
        actor=actor,
        action="product.create",
        obj=product,
        seller=seller,
        after=field_values(product, AUDITED),
    )
    return product


@transaction.atomic
def product_update(
    *,
    actor: Actor,
    product: Product,
    values: dict[str, Any],
    action: str = "product.update",
    audit: bool = True,
) -> Product:
    """Change the given fields of a product; an unchanged product is not written."""
    resolved = resolve_values(product.seller, values)
    locked = Product.objects.select_for_update().get(pk=product.pk)
    before = field_values(locked, AUDITED)
    for name, value in resolved.items():
        setattr(locked, name, value)
    _clean(locked)
    if locked.listing == Listing.MOVE and "options" in resolved:
        move_rows.check_stock(locked.move.colours, locked.options, "option_info")
    after = field_values(locked, AUDITED)
    if before == after:
        return locked
    _save_unique(locked)
    if not audit:
        return locked
    old, new = changed(before, after)
    audit_record(
        actor=actor, action=action, obj=locked, seller=locked.seller, before=old, after=new
    )
    return locked
