"""An item's condition, purchase limit, discount and extra delivery groups, kept under
the item template's column keys (so a bulk file and the API see the same values)."""

from __future__ import annotations

import datetime as dt

import pytest

from sellergate.catalog import attributes
from sellergate.catalog.errors import CatalogError
from sellergate.catalog.models import ShippingGroup
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("used", "grade", "column"),
    [(False, None, "1"), (False, 5, "1"), (True, None, "4"), (True, 1, "2"), (True, 6, "7")],
)
def test_the_condition_is_the_templates_item_condition_type(used, grade, column) -> None:
    product = ProductFactory(extra={"header_html": "<p>x</p>"})
    extra = attributes.with_condition(product, used=used, grade=grade)
    assert extra == {"header_html": "<p>x</p>", "item_condition_type": column}


def test_a_used_grade_out_of_range_is_refused() -> None:
    with pytest.raises(CatalogError) as refused:
        attributes.with_condition(ProductFactory(), used=True, grade=7)
    assert refused.value.field == "item_condition_type"


def test_a_purchase_limit_is_the_templates_buy_limit_and_can_be_removed() -> None:
    product = ProductFactory()
    until = dt.date(2026, 12, 31)
    product.extra = attributes.with_order_limit(product, per_buyer=True, count=2, until=until)
    assert product.extra == {
        "buy_limit_type": "2",
        "buy_limit_qty": "2",
        "buy_limit_date": "2026-12-31",
    }
    assert attributes.with_order_limit(product, per_buyer=False, count=None, until=None) == {}
    with pytest.raises(CatalogError) as refused:
        attributes.with_order_limit(product, per_buyer=True, count=None, until=None)
    assert refused.value.field == "buy_limit_qty"


@pytest.mark.parametrize(
    ("kind", "amount", "ok"),
    [("1", 10, True), ("1", 50, False), ("1", 0, False), ("2", 100, True), ("2", 1200, False)],
)
def test_a_discount_is_a_percent_up_to_49_or_yen_below_the_price(kind, amount, ok) -> None:
    product = ProductFactory(price=1200)
    if ok:
        extra = attributes.with_discount(product, kind=kind, amount=amount, begins=None, ends=None)
        assert extra["discount"]["amount"] == amount
    else:
        with pytest.raises(CatalogError):
            attributes.with_discount(product, kind=kind, amount=amount, begins=None, ends=None)


def test_a_discount_ending_before_it_begins_is_refused_and_type_0_removes_it() -> None:
    product = ProductFactory(price=1200, extra={"discount": {"type": "1", "amount": 5}})
    with pytest.raises(CatalogError) as refused:
        attributes.with_discount(
            product, kind="1", amount=5, begins=dt.date(2026, 12, 10), ends=dt.date(2026, 12, 1)
        )
    assert refused.value.field == "discount_ends"
    assert attributes.with_discount(product, kind="0", amount=None, begins=None, ends=None) == {}


def test_extra_delivery_groups_must_be_the_sellers_own() -> None:
    product = ProductFactory()
    ShippingGroup.objects.create(seller=product.seller, number=2, name="冷凍便", fee=1200)
    other = ProductFactory()
    ShippingGroup.objects.create(seller=other.seller, number=3, name="他店", fee=0)
    assert attributes.with_sub_delivery(product, [2, None])["sub_shipping_numbers"] == [2]
    with pytest.raises(CatalogError) as refused:
        attributes.with_sub_delivery(product, [2, 3])  # another seller's group 3
    assert refused.value.field == "sub_shipping_2"
