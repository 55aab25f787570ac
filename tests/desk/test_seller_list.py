from __future__ import annotations

import pytest
from django.urls import reverse

from sellergate.sellers.models import ReviewStatus
from tests.factories import LateOrderFactory, OperatorFactory, SellerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(client):
    client.force_login(OperatorFactory())
    return client


def rows(page: str) -> list[str]:
    return [chunk.split('"')[0] for chunk in page.split('data-seller="')[1:]]


def test_the_list_shows_every_seller_with_its_standing(desk) -> None:
    good = SellerFactory(login_id="shop-good")
    late = SellerFactory(login_id="shop-late")
    LateOrderFactory(seller=late)
    SellerFactory(login_id="shop-review", review_status=ReviewStatus.PENDING)
    page = desk.get(reverse("desk:seller_list")).content.decode()
    assert rows(page) == ["shop-good", "shop-late", "shop-review"]
    assert page.count("条件不適合") == 2
    assert good.shop_name in page


@pytest.mark.parametrize(
    ("standing", "expected"), [("eligible", ["shop-good"]), ("blocked", ["shop-late"])]
)
def test_the_list_filters_by_standing(desk, standing, expected) -> None:
    SellerFactory(login_id="shop-good")
    LateOrderFactory(seller=SellerFactory(login_id="shop-late"))
    page = desk.get(reverse("desk:seller_list"), {"standing": standing}).content.decode()
    assert rows(page) == expected


def test_the_list_searches_by_id_or_shop_name(desk) -> None:
    SellerFactory(login_id="shop-a", shop_name="さくら")
    SellerFactory(login_id="shop-b", shop_name="みなと")
    assert rows(desk.get(reverse("desk:seller_list"), {"q": "みなと"}).content.decode()) == [
        "shop-b"
    ]
    assert rows(desk.get(reverse("desk:seller_list"), {"q": "SHOP-A"}).content.decode()) == [
        "shop-a"
    ]


def test_the_detail_page_shows_the_records_behind_a_failure(desk) -> None:
    seller = SellerFactory(login_id="shop-late")
    LateOrderFactory(seller=seller, order_no="1001")
    page = desk.get(reverse("desk:seller_detail", args=["shop-late"])).content.decode()
    assert "発送遅延：1件 — 注文番号 1001" in page


def test_an_unknown_seller_is_not_found(desk) -> None:
    assert desk.get(reverse("desk:seller_detail", args=["nobody"])).status_code == 404
