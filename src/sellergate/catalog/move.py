"""MOVE (fashion) listings: registered and changed here, each in one transaction with one
audit event holding the product's fields and the listing's together.

A MOVE listing is a product (the seller's codes, tenancy, item code and audit are the
product's) with a ``MoveListing`` beside it. Its price, status, discount, description
and stock change through ``catalog.services`` like any product's, with its own rules
there (``move_rows.check_product``, ``move_rows.check_stock``).

Choices where the guide is silent:

- a MOVE listing's name (the guide has no ItemTitle for it) is its series name, or the
  category's name when it has none;
- style and TPO codes are required in the fashion categories (``Category.fashion``)
  and checked against the operators' tables wherever they are given; the guide's
  UpdateMoveGoods says TPO codes are needed "for women's clothing only", SetNewMoveGoods
  "for women's and men's fashion": both are asked for in every fashion category, the
  reading that refuses nothing a marketplace would list;
- a change keeps what it does not name (the fields it is not given).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from sellergate.audit.services import audit_record
from sellergate.audit.snapshots import changed, field_values
from sellergate.catalog import services
from sellergate.catalog.errors import CatalogError
from sellergate.catalog.models import Category, Listing, MoveListing, Product, StyleCode, TpoCode
from sellergate.core.actors import Actor
from sellergate.core.errors import Message as _
from sellergate.sellers.models import Seller

MOVE_FIELDS = tuple(f.name for f in MoveListing._meta.concrete_fields if f.name != "product")


def _snapshot(product: Product, move: MoveListing) -> dict[str, Any]:
    listing = {f"move.{k}": v for k, v in field_values(move, MOVE_FIELDS).items()}
    return {**field_values(product, services.AUDITED), **listing}


def _check_codes(category: Category, move: MoveListing) -> None:
    for field, table, codes in (
        ("move.styles", StyleCode, move.styles),
        ("move.tpos", TpoCode, move.tpos),
    ):
        if not codes and category.is_fashion:
            raise CatalogError(
                field,
                _("Category %(code)s is a fashion category: give 1 or 2 codes.")
                % {"code": category.code},
                code="required",
            )
        known = set(table.objects.filter(code__in=codes).values_list("code", flat=True))
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise CatalogError(
                field, _("No code %(code)s; see the code list.") % {"code": unknown[0]}
            )


def _title(values: dict[str, Any], move: dict[str, Any]) -> str:
    if move.get("series_name"):
        return str(move["series_name"])
    category = Category.objects.filter(code=str(values.get("category", ""))).first()
    return category.name if category is not None else ""


def _save(move: MoveListing) -> None:
    try:
        move.full_clean(exclude={"product"})
    except ValidationError as error:
        raise services.refusal_of(error, "move.") from None
    move.save()


@transaction.atomic
def move_create(
    *, actor: Actor, seller: Seller, values: dict[str, Any], move: dict[str, Any]
) -> Product:
    """Register a MOVE listing: ``values`` the product's fields (its stock rows among
    them, as ``options``), ``move`` the listing's."""
    values = {"title": _title(values, move), **values}
    product = services.product_create(
        actor=actor, seller=seller, values=values, audit=False, listing=Listing.MOVE
    )
    listing = MoveListing(product=product, **move)
    _check_codes(product.category, listing)
    _save(listing)
    audit_record(
        actor=actor,
        action="product.create",
        obj=product,
        seller=seller,
        after=_snapshot(product, listing),
    )
    return product


def move_of(product: Product) -> MoveListing:
    """The listing of a MOVE product; a normal one is refused (the MOVE methods are
    only for MOVE listings, and the normal item methods cannot make one)."""
    if product.listing != Listing.MOVE:
        raise CatalogError(
            "item_code",
            _("Item %(code)s is a normal item, not a MOVE listing.") % {"code": product.item_code},
            code="state",
        )
    return product.move  # kept on the product: the handlers and the services ask again


@transaction.atomic
def move_update(
    *, actor: Actor, product: Product, values: dict[str, Any], move: dict[str, Any]
) -> Product:
    """Change the given fields of a MOVE listing and of its product."""
    locked = Product.objects.select_for_update().get(pk=product.pk)
    listing = move_of(locked)
    before = _snapshot(locked, listing)
    for name, value in move.items():
        setattr(listing, name, value)
    _save(listing)  # first: the product's stock rows are checked against its colours
    updated = services.product_update(actor=actor, product=locked, values=values, audit=False)
    _check_codes(updated.category, listing)
    after = _snapshot(updated, listing)
    if before != after:
        old, new = changed(before, after)
        audit_record(
            actor=actor,
            action="product.update",
            obj=updated,
            seller=updated.seller,
            before=old,
            after=new,
        )
    return updated
