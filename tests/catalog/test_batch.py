"""Many products at once: the single-product checks, per row, in a few statements."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sellergate.catalog.batch import Change, Saved, products_save
from sellergate.catalog.errors import CatalogError
from sellergate.catalog.lookups import CachedLookups
from sellergate.catalog.models import Product
from tests.factories import CategoryFactory, ProductFactory, SellerFactory

pytestmark = pytest.mark.django_db


def new(category, code: str, **more) -> Change:
    return Change(
        None, {"seller_code": code, "title": "品", "category": category.code, "price": 100, **more}
    )


def test_a_batch_saves_the_good_rows_and_refuses_each_bad_one() -> None:
    seller = SellerFactory()
    category = CategoryFactory()
    existing = ProductFactory(seller=seller, category=category, seller_code="OLD", price=100)
    changes = [
        new(category, "A"),
        new(category, "B", price=None),
        new(category, "A"),  # twice in the batch
        new(category, "OLD"),  # taken in the catalog
        new(category, "C", title="x" * 101),
        new(category, "D", available_date_type=2, available_date_value="99"),
        Change(existing, {"price": 150}),
        Change(existing, {"price": 150}),
        Change(None, {"seller_code": "E", "title": "t", "category": "nope", "price": 1}),
    ]
    with CaptureQueriesContext(connection) as queries:
        results = products_save(seller=seller, changes=changes, lookups=CachedLookups())
    kinds = [r.action if isinstance(r, Saved) else (r.field, r.code) for r in results]
    assert kinds == [
        "created",
        ("price", "required"),
        ("seller_code", "duplicate"),
        ("seller_code", "duplicate"),
        ("title", "invalid"),
        ("available_date_value", "invalid"),
        "updated",
        "unchanged",  # the same value again
        ("category", "invalid"),
    ]
    # Lookups once per code, the code block, one INSERT, one UPDATE: a count that does
    # not grow with the rows (the 9 rows here, or 200 in a bulk job's batch).
    assert len(queries) <= 16, [q["sql"][:80] for q in queries]
    created = Product.objects.get(seller=seller, seller_code="A")
    assert int(created.item_code) >= 100_000_000
    existing.refresh_from_db()
    assert existing.price == 150
    assert isinstance(results[1], CatalogError)


def test_a_new_product_is_built_as_the_model_would_build_it() -> None:
    from sellergate.catalog.batch import _new_product
    from sellergate.catalog.models import Product

    seller = SellerFactory()
    category = CategoryFactory()
    values = {
        "seller_code": "A",
        "title": "品",
        "category": category,
        "price": 100,
        "keywords": ["k"],
    }
    fast = _new_product(seller, values)
    slow = Product(seller=seller, **values)
    for field in Product._meta.concrete_fields:
        if field.name not in ("created_at", "updated_at"):
            assert getattr(fast, field.attname) == getattr(slow, field.attname), field.name
    assert fast.category is category  # from the cache: no query
    assert fast.seller is seller
    assert fast._state.adding
    assert _new_product(seller, values).options is not fast.options  # fresh defaults
