"""The catalog's write path: item codes, validation naming the field, nothing half-done."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from sellergate.audit.models import AuditEvent
from sellergate.catalog.errors import CatalogError
from sellergate.catalog.models import Product, ShippingGroup
from sellergate.catalog.services import product_create, product_update
from tests.factories import BrandFactory, CategoryFactory, ProductFactory, SellerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seller():
    return SellerFactory()


@pytest.fixture
def category():
    return CategoryFactory()


def values(leaf, **more):
    return {
        "seller_code": "MUG-1",
        "title": "マグ",
        "category": leaf.code,
        "price": 1200,
        **more,
    }


def refused(call) -> CatalogError:
    with pytest.raises(CatalogError) as raised:
        call()
    return raised.value


def test_create_gives_an_item_code_and_audits(actor, seller, category) -> None:
    product = product_create(actor=actor, seller=seller, values=values(category))
    assert int(product.item_code) >= 100_000_000
    second = product_create(actor=actor, seller=seller, values=values(category, seller_code="B"))
    assert int(second.item_code) == int(product.item_code) + 1
    events = AuditEvent.objects.filter(action="product.create").order_by("pk")
    assert [e.after["seller_code"] for e in events] == ["MUG-1", "B"]


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"price": None}, "price"),
        ({"category": "nope"}, "category"),
        ({"brand": "999"}, "brand"),
        ({"shipping_no": 7}, "shipping_no"),
        ({"keywords": ["k"] * 11}, "keywords"),
        ({"keywords": ["x" * 31]}, "keywords"),
        ({"tax_rate": "5"}, "tax_rate"),
        ({"image_main": "javascript:alert(1)://x"}, "image_main"),
        ({"image_main": "../secret.png"}, "image_main"),
        ({"available_date_type": 1, "available_date_value": "25:00"}, "available_date_value"),
        ({"available_date_type": 2, "available_date_value": "3"}, "available_date_value"),
        ({"available_date_type": 3, "available_date_value": "2026-02-30"}, "available_date_value"),
        ({"title": "x" * 101}, "title"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_a_bad_value_names_its_field_and_writes_nothing(
    actor, seller, category, extra, field
) -> None:
    error = refused(
        lambda: product_create(actor=actor, seller=seller, values=values(category, **extra))
    )
    assert error.field == field
    assert not Product.objects.exists()
    assert not AuditEvent.objects.exists()


def test_a_parent_category_is_refused(actor, seller, category) -> None:
    error = refused(
        lambda: product_create(actor=actor, seller=seller, values=values(category.parent))
    )
    assert error.field == "category"
    assert category.parent.code in str(error.message)


def test_valid_references_are_accepted(actor, seller, category) -> None:
    brand = BrandFactory()
    ShippingGroup.objects.create(seller=seller, number=3, name="メール便")
    product = product_create(
        actor=actor,
        seller=seller,
        values=values(
            category,
            brand=brand.number,
            shipping_no=3,
            available_date_type=1,
            available_date_value="14:00",
            image_main="mug.jpg",
            keywords=["マグ", "陶器"],
        ),
    )
    assert (product.brand, product.shipping_no, product.keywords) == (brand, 3, ["マグ", "陶器"])


def test_seller_codes_are_unique_per_seller_only(actor, seller, category) -> None:
    product_create(actor=actor, seller=seller, values=values(category))
    error = refused(lambda: product_create(actor=actor, seller=seller, values=values(category)))
    assert (error.field, error.code) == ("seller_code", "duplicate")
    other = SellerFactory()
    product_create(actor=actor, seller=other, values=values(category))  # its own MUG-1
    assert Product.objects.count() == 2


def test_the_database_holds_uniqueness_too(seller, category) -> None:
    ProductFactory(seller=seller, seller_code="SAME", category=category)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProductFactory(seller=seller, seller_code="SAME", category=category)


def test_update_changes_only_what_is_given_and_audits_the_difference(
    actor, seller, category
) -> None:
    product = product_create(actor=actor, seller=seller, values=values(category, quantity=5))
    product_update(actor=actor, product=product, values={"quantity": 7})
    product.refresh_from_db()
    assert (product.quantity, product.price) == (7, 1200)
    event = AuditEvent.objects.get(action="product.update")
    assert (event.before, event.after) == ({"quantity": 5}, {"quantity": 7})
    product_update(actor=actor, product=product, values={"quantity": 7})  # no change
    assert AuditEvent.objects.filter(action="product.update").count() == 1


def test_update_checks_the_shipping_date_pair_as_it_will_be(actor, seller, category) -> None:
    product = product_create(
        actor=actor,
        seller=seller,
        values=values(category, available_date_type=2, available_date_value="10"),
    )
    error = refused(
        lambda: product_update(actor=actor, product=product, values={"available_date_type": 0})
    )
    assert error.field == "available_date_value"
    product.refresh_from_db()
    assert product.available_date_type == 2
