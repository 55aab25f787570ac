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
from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models.base import ModelState
from django.utils import timezone

from sellergate.catalog import codes
from sellergate.catalog.errors import CatalogError
from sellergate.catalog.lookups import Lookups
from sellergate.catalog.models import Listing, Product
from sellergate.catalog.services import (
    REQUIRED_NEW,
    check_available_date,
    resolve_values,
)
from sellergate.core.errors import Message as _
from sellergate.core.fields import concrete_field
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
    return [(name, concrete_field(Product, name).attname) for name in sorted(names)]


FIELDS = Product._meta.concrete_fields
ATTNAMES = {f.name: f.attname for f in FIELDS}
FOREIGN = {f.name for f in FIELDS if isinstance(f, models.ForeignKey)}
# Defaults: the fixed ones copied as they are, the callable ones (a list or a dict) made
# fresh for each product.
FRESH = [(f.attname, f.default) for f in FIELDS if f.has_default() and callable(f.default)]
FIXED = {f.attname: f.get_default() for f in FIELDS if (f.attname, f.default) not in FRESH}


def _new_product(seller: Seller, values: dict[str, Any]) -> Product:
    """What ``Product(seller=seller, **values)`` makes, without ``Model.__init__``.

    Measured on 100 000 rows, ``__init__`` (keyword or positional: it walks all 38 fields,
    sends pre_init/post_init) took 3.2 s of a 11.3 s job; Product has no post_init
    receivers (no image fields, no generic relations), so setting the attributes and the
    related-object cache directly makes the same object — as ``Model.from_db`` would."""
    product = Product.__new__(Product)
    product._state = ModelState()
    attributes = product.__dict__
    attributes.update(FIXED)
    for attname, factory in FRESH:
        attributes[attname] = factory()
    cache = product._state.fields_cache
    attributes["seller_id"] = seller.pk
    cache["seller"] = seller
    for name, value in values.items():
        if name in FOREIGN:
            attributes[ATTNAMES[name]] = value.pk if value is not None else None
            cache[name] = value
        else:
            attributes[ATTNAMES[name]] = value
    return product


def _check_fields(product: Product, names: set[str]) -> None:
    """The model's own field checks (length, choices, blank) for the fields given; foreign
    keys were resolved through the lookups already."""
    for name in sorted(names):
        field = concrete_field(Product, name)
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
    seller item code meanwhile: the caller retries the changes one at a time.

    New products come back with their item code but without their primary key (reading
    the keys back would cost a query a batch no caller needs); look them up by code."""
    results: list[Saved | CatalogError | None] = [None] * len(changes)
    new: list[tuple[int, Product]] = []
    given: dict[int, set[str]] = {}  # per new product, the fields its change set
    changed: list[tuple[int, Product]] = []
    changed_fields: set[str] = set()
    for index, change in enumerate(changes):
        try:
            resolved = resolve_values(seller, change.values, lookups)
            if change.product is None:
                for required in REQUIRED_NEW:
                    if change.values.get(required) in (None, ""):
                        raise CatalogError(required, _("Required."), code="required")
                product = _new_product(seller, resolved)
                _check_fields(product, set(resolved))
                new.append((index, product))
                given[id(product)] = set(resolved)
                results[index] = Saved(product, "created")
                continue
            product = change.product
            if product.listing == Listing.MOVE:
                # The marketplace has a separate template for MOVE listings; an item file's
                # columns would leave its colours, sizes and images behind.
                raise CatalogError(
                    "seller_code",
                    _(
                        "Item %(code)s is a MOVE listing: item files do not change MOVE "
                        "listings; change it with the API's MOVE listing methods."
                    )
                    % {"code": product.seller_code},
                    code="state",
                )
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
    if new:
        for code, (_i, product) in zip(codes.take(len(new)), new, strict=True):
            product.item_code = code
        _insert([p for _i, p in new], [given[id(p)] for _i, p in new])
    if changed:
        now = timezone.now()
        for _i, product in changed:
            product.updated_at = now
        distinct = list({id(p): p for _i, p in changed}.values())
        _update(distinct, sorted(changed_fields | {"updated_at"}))
    return [r for r in results if r is not None]


# Django's bulk_create and bulk_update build one SQL text per batch with a placeholder
# per value (and a CASE per field to update), which profiled at ~290 µs a row for a
# product's 37 columns. One INSERT (or UPDATE) with one row of placeholders, run with
# executemany, prepares each value with the fields' own get_db_prep_save and costs a
# fraction of that (bench/bulk.py). Values go as parameters, never into the SQL text.


def _insert(products: list[Product], given: list[set[str]] | None = None) -> None:
    """Insert new products. ``given``: per product, the fields not at their defaults; the
    others are prepared once for the whole batch, not once a row."""
    # The connection itself, not django.db.connection: that proxy looks the connection up
    # in a context-local store on every attribute, 37 times a row here.
    connection = connections[DEFAULT_DB_ALIAS]
    fields = [f for f in Product._meta.concrete_fields if not f.primary_key]
    table = connection.ops.quote_name(Product._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    now = timezone.now()
    always = {"seller", "item_code", "seller_code"}
    template = [
        f.get_db_prep_save(
            now if f.name in ("created_at", "updated_at") else f.get_default(), connection
        )
        for f in fields
    ]
    rows = []
    for index, product in enumerate(products):
        product.created_at = product.updated_at = now  # as the template has them
        names = always | given[index] if given is not None else None
        rows.append(
            [
                f.get_db_prep_save(getattr(product, f.attname), connection)
                if names is None or f.name in names
                else template[position]
                for position, f in enumerate(fields)
            ]
        )
    with connection.cursor() as cursor:
        # Only the model's own quoted table and column names are in the text.
        sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608
        cursor.executemany(sql, rows)


def _update(products: list[Product], names: list[str]) -> None:
    connection = connections[DEFAULT_DB_ALIAS]
    fields = [concrete_field(Product, name) for name in names]
    table = connection.ops.quote_name(Product._meta.db_table)
    assignments = ", ".join(f"{connection.ops.quote_name(str(f.column))} = %s" for f in fields)
    rows = [
        [*(f.get_db_prep_save(getattr(p, f.attname), connection) for f in fields), p.pk]
        for p in products
    ]
    with connection.cursor() as cursor:
        sql = f"UPDATE {table} SET {assignments} WHERE id = %s"  # noqa: S608
        cursor.executemany(sql, rows)


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
        Product.objects.of(seller)
        .filter(seller_code__in=list(counts))
        .values_list("seller_code", "pk")
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
