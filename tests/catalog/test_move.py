"""MOVE listings in the catalog: one event per change, the fashion rules, and what the
other ways in may and may not do to one."""

from __future__ import annotations

import pytest

from sellergate.audit.models import AuditEvent
from sellergate.catalog import move, services
from sellergate.catalog.batch import Change, products_save
from sellergate.catalog.errors import CatalogError
from sellergate.catalog.lookups import CachedLookups
from sellergate.catalog.models import Category, Listing, Product, StyleCode, TpoCode
from sellergate.core.actors import Actor
from tests.factories import CategoryFactory, MoveListingFactory, SellerFactory

pytestmark = pytest.mark.django_db

ACTOR = Actor.system("test")


@pytest.fixture
def codes() -> None:
    StyleCode.objects.create(code="STY0001", name="カジュアル")
    TpoCode.objects.create(code="TPO0001", name="オフィス")


def listing_of(category, **move_values):
    seller = SellerFactory()
    stock = [
        {
            "name1": "カラー",
            "value1": "黒",
            "name2": "",
            "value2": "",
            "price": 0,
            "qty": 4,
            "code": "BK",
            "image": "",
        }
    ]
    colours = [
        {
            "name": "黒",
            "colour_code": "BK",
            "main": True,
            "model_code": "",
            "worn_size": "",
            "image": "https://img.example.com/bk.jpg",
            "sub_images": [],
        }
    ]
    return move.move_create(
        actor=ACTOR,
        seller=seller,
        values={"category": category.code, "price": 3900, "options": stock, "quantity": 4},
        move={"colours": colours, "seasons": ["2"], **move_values},
    )


def test_style_and_tpo_codes_are_required_below_a_fashion_category(codes) -> None:
    category = CategoryFactory()
    large = category.parent.parent
    assert listing_of(category).listing == Listing.MOVE  # not fashion: none needed
    Category.objects.filter(pk=large.pk).update(fashion=True)
    category.refresh_from_db()
    events = AuditEvent.objects.count()
    with pytest.raises(CatalogError) as refused:
        listing_of(category)
    assert refused.value.field == "move.styles"
    with pytest.raises(CatalogError) as refused:
        listing_of(category, styles=["STY0001"], tpos=["TPO0404"])
    assert refused.value.field == "move.tpos"
    assert AuditEvent.objects.count() == events
    product = listing_of(category, styles=["STY0001"], tpos=["TPO0001"])
    assert AuditEvent.objects.count() == events + 1
    assert product.title == category.name  # no series name: the category's


def test_a_move_listings_description_contact_and_weight_have_the_shorter_limits() -> None:
    product = MoveListingFactory().product
    for values, field in (
        ({"description": "あ" * 334}, "description"),
        ({"contact_info": "0" * 21}, "contact_info"),
        ({"weight": "30.5"}, "weight"),
        ({"weight": "1.25"}, "weight"),
    ):
        with pytest.raises(CatalogError) as refused:
            services.product_update(actor=ACTOR, product=product, values=values)
        assert refused.value.field == field
    services.product_update(actor=ACTOR, product=product, values={"description": "あ" * 333})


def test_options_that_are_not_its_colours_are_refused_however_they_come() -> None:
    product = MoveListingFactory().product
    rows = [{**product.options[0], "value1": "赤"}]
    with pytest.raises(CatalogError):
        services.product_update(actor=ACTOR, product=product, values={"options": rows})
    priced = [{**row, "price": 100} for row in product.options]
    with pytest.raises(CatalogError):
        services.product_update(actor=ACTOR, product=product, values={"options": priced})
    assert Product.objects.get(pk=product.pk).options == product.options


def test_an_item_file_does_not_change_a_move_listing() -> None:
    product = MoveListingFactory().product
    [result] = products_save(
        seller=product.seller,
        changes=[Change(product=product, values={"price": 100})],
        lookups=CachedLookups(),
    )
    assert isinstance(result, CatalogError)
    assert (result.field, result.code) == ("seller_code", "state")
    assert "MOVE" in str(result)
    assert Product.objects.get(pk=product.pk).price == product.price


def test_a_normal_item_is_not_a_move_listing() -> None:
    normal = MoveListingFactory(product__listing="").product
    with pytest.raises(CatalogError) as refused:
        move.move_of(normal)
    assert refused.value.code == "state"
