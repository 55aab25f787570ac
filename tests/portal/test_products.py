"""The seller's product list and product page: its own items only, found by code or name,
paged with the filters kept, and every field as the API and the files set it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sellergate.catalog.models import ItemStatus
from tests.factories import MoveListingFactory, ProductFactory, SellerUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seller_client(client):
    user = SellerUserFactory()
    client.force_login(user)
    client.seller = user.seller
    return client


def _listed(client, **query) -> list[str]:
    page = client.get(reverse("portal:products"), query).content.decode()
    return [part.split('"', 1)[0] for part in page.split('data-product="')[1:]]


def test_the_list_finds_by_seller_code_item_code_or_name(seller_client) -> None:
    seller = seller_client.seller
    mug = ProductFactory(seller=seller, seller_code="MUG-001", title="和風マグカップ")
    bowl = ProductFactory(seller=seller, seller_code="BOWL-01", title="小鉢")
    ProductFactory(title="和風マグカップ", seller_code="MUG-001")  # another seller's
    assert _listed(seller_client) == [bowl.item_code, mug.item_code]  # by seller item code
    assert _listed(seller_client, q="MUG") == [mug.item_code]
    assert _listed(seller_client, q="mug") == [mug.item_code]  # in any case, on any database
    assert _listed(seller_client, q="\uff2d\uff35\uff27") == [mug.item_code]  # full-width
    assert _listed(seller_client, q=bowl.item_code) == [bowl.item_code]
    assert _listed(seller_client, q="小鉢") == [bowl.item_code]
    assert _listed(seller_client, q="無い") == []


def test_the_list_filters_by_status_and_stock(seller_client) -> None:
    seller = seller_client.seller
    on_sale = ProductFactory(seller=seller, quantity=3)
    stopped = ProductFactory(seller=seller, status=ItemStatus.DISCONTINUED, quantity=0)
    assert _listed(seller_client, status=ItemStatus.DISCONTINUED) == [stopped.item_code]
    assert _listed(seller_client, stock="out") == [stopped.item_code]
    assert _listed(seller_client, stock="in") == [on_sale.item_code]
    page = seller_client.get(reverse("portal:products"), {"status": "S9"})
    assert page.status_code == 200  # an unknown status filters nothing, and says so
    assert "S9" in page.content.decode()


def test_paging_keeps_the_search(seller_client) -> None:
    seller = seller_client.seller
    for n in range(55):
        ProductFactory(seller=seller, seller_code=f"CUP-{n:03d}", title="カップ")
    ProductFactory(seller=seller, seller_code="PLATE-1", title="皿")
    first = seller_client.get(reverse("portal:products"), {"q": "CUP"}).content.decode()
    assert first.count('data-product="') == 50
    assert "55" in first
    assert "?q=CUP&amp;page=2" in first
    second = _listed(seller_client, q="CUP", page=2)
    assert len(second) == 5


def test_the_page_shows_options_and_that_the_quantity_is_their_sum(seller_client) -> None:
    options = [
        {"name1": "色", "value1": "赤", "name2": "", "value2": "", "price": 0, "qty": 4},
        {"name1": "色", "value1": "青", "name2": "", "value2": "", "price": 100, "qty": 5},
    ]
    product = ProductFactory(
        seller=seller_client.seller, options=options, quantity=9, keywords=["マグ", "和食器"]
    )
    page = seller_client.get(reverse("portal:product_detail", args=[product.item_code]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "赤" in text
    assert "青" in text
    assert "オプションの在庫の合計（9）" in text or "sum of the options' stock (9)" in text
    assert "マグ, 和食器" in text
    assert product.category.code in text
    assert product.category.parent.code in text


def test_a_move_listing_shows_its_colours(seller_client) -> None:
    listing = MoveListingFactory(product__seller=seller_client.seller)
    page = seller_client.get(
        reverse("portal:product_detail", args=[listing.product.item_code])
    ).content.decode()
    assert "MOVE" in page
    for colour in listing.colours:
        assert colour["name"] in page


def test_another_sellers_item_is_not_found(seller_client) -> None:
    theirs = ProductFactory(title="秘密の品物")
    page = seller_client.get(reverse("portal:product_detail", args=[theirs.item_code]))
    assert page.status_code == 404
    assert "秘密の品物" not in page.content.decode()
