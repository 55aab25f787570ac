"""Registering and changing many products of one seller at once (a bulk file's batch).

The checks are the single-product services' own (``services.resolve_values``, the model
fields' validators, the shipping-date rule, seller-code uniqueness), run in Python with
references looked up once per code; then one INSERT for the new products and one UPDATE
for the changed. The caller audits (a bulk job writes one event for the file and its
result file row by row) and holds the transaction.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from sellergate.catalog.errors import CatalogError
from sellergate.catalog.lookups import Lookups
from sellergate.catalog.models import Product
from sellergate.catalog.services import (
    ITEM_CODE_BASE,
    REQUIRED_NEW,
    check_available_date,
    resolve_values,
)
from sellergate.errors import Message as _
from sellergate.sellers.models import Seller


@dataclass
class Change:
    product: Product | None  # None: register a new product
    values: dict[str, Any]


@dataclass
class Saved:
    product: Product
    action: str  # "created", "updated", "unchanged"


def _attnames(names: set[str]) -> list[tuple[str, str]]:
    return [(name, Product._meta.get_field(name).attname) for name in sorted(names)]


def _check_fields(product: Product, names: set[str]) -> None:
    """The model's own field checks (length, choices, blank) for the fields given; foreign
    keys were resolved through the lookups already."""
    for name in sorted(names):
        field = Product._meta.get_field(name)
        if isinstance(field, models.ForeignKey):
            continue
        try:
            field.clean(getattr(product, field.attname), product)
        except ValidationError as error:
            raise CatalogError(name, _(error.messages[0])) from None
    if names & {"available_date_type", "available_date_value"} or product.pk is None:
        check_available_date(product.available_date_type, product.available_date_value)


def products_save(
    *, seller: Seller, changes: list[Change], lookups: Lookups
) -> list[Saved | CatalogError]:
    """One result per change, in order. May raise IntegrityError if another writer took a
    seller item code meanwhile: the caller retries the changes one at a time."""
    results: list[Saved | CatalogError | None] = [None] * len(changes)
    new: list[tuple[int, Product]] = []
    changed: list[tuple[int, Product]] = []
    changed_fields: set[str] = set()
    for index, change in enumerate(changes):
        try:
            resolved = resolve_values(seller, change.values, lookups)
            if change.product is None:
                for required in REQUIRED_NEW:
                    if change.values.get(required) in (None, ""):
                        raise CatalogError(required, _("Required."), code="required")
                product = Product(seller=seller, **resolved)
                _check_fields(product, set(resolved))
                new.append((index, product))
                results[index] = Saved(product, "created")
                continue
            product = change.product
            names = _attnames(set(resolved))
            before = [getattr(product, attname) for _name, attname in names]
            for name, value in resolved.items():
                setattr(product, name, value)
            _check_fields(product, set(resolved))
            differs = {
                name
                for (name, attname), old in zip(names, before, strict=True)
                if getattr(product, attname) != old
            }
            results[index] = Saved(product, "updated" if differs else "unchanged")
            if differs:
                changed.append((index, product))
                changed_fields |= differs
        except CatalogError as refusal:
            results[index] = refusal
    _refuse_taken_codes(seller, new, changed, results)
    new = [(i, p) for i, p in new if isinstance(results[i], Saved)]
    changed = [(i, p) for i, p in changed if isinstance(results[i], Saved)]
    created = Product.objects.bulk_create([p for _i, p in new])
    for product in created:
        product.item_code = str(ITEM_CODE_BASE + product.pk)
    Product.objects.bulk_update(created, ["item_code"])
    if changed:
        now = timezone.now()
        for _i, product in changed:
            product.updated_at = now
        Product.objects.bulk_update(
            [p for _i, p in changed], sorted(changed_fields | {"updated_at"})
        )
    return [r for r in results if r is not None]


def _refuse_taken_codes(
    seller: Seller,
    new: list[tuple[int, Product]],
    changed: list[tuple[int, Product]],
    results: list[Saved | CatalogError | None],
) -> None:
    """Seller item codes stay unique: within the batch and against the catalog."""
    wanted = [(i, p) for i, p in (*new, *changed) if isinstance(results[i], Saved)]
    counts = Counter(p.seller_code for _i, p in wanted)
    taken = dict(
        Product.objects.filter(seller=seller, seller_code__in=list(counts)).values_list(
            "seller_code", "pk"
        )
    )
    seen: dict[str, Product] = {}
    for index, product in sorted(wanted, key=lambda pair: pair[0]):
        owner = taken.get(product.seller_code)
        # Two rows may change one product (its price, then an option's stock).
        holder = seen.get(product.seller_code)
        if (holder is not None and holder is not product) or (
            owner is not None and owner != product.pk
        ):
            results[index] = CatalogError(
                "seller_code",
                _("Seller item code %(code)s is already used by another of your items.")
                % {"code": product.seller_code},
                code="duplicate",
            )
            continue
        seen[product.seller_code] = product
