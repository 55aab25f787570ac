"""A seller with an approved API key request, a key, a user, and the catalog tables."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from sellergate.catalog.models import Brand, Category, ShippingGroup
from sellergate.core.actors import Actor
from sellergate.credentials import api_keys
from sellergate.sellers.models import Seller
from tests.factories import (
    PASSWORD,
    BrandFactory,
    CategoryFactory,
    SellerUserFactory,
    granted_seller,
)
from tests.qapi.client import QapiClient, django_transport


@dataclass
class ApiSeller:
    seller: Seller
    username: str
    api_key: str
    category: Category
    brand: Brand
    shipping: ShippingGroup
    password: str = PASSWORD


def make_api_seller(login_id: str) -> ApiSeller:
    seller = granted_seller(login_id=login_id)
    user = SellerUserFactory(seller=seller, username=f"{login_id}-user")
    _key, token = api_keys.api_key_create(actor=Actor.system("test"), seller=seller, name="連携")
    return ApiSeller(
        seller=seller,
        username=user.username,
        api_key=token,
        category=CategoryFactory(),
        brand=BrandFactory(name="サンプル陶器"),
        shipping=ShippingGroup.objects.create(seller=seller, number=1, name="宅配便", fee=700),
    )


@pytest.fixture
def shop(db) -> ApiSeller:
    return make_api_seller("shop-api")


@pytest.fixture
def other_shop(db) -> ApiSeller:
    return make_api_seller("shop-other")


@pytest.fixture(
    params=[("query", "json"), ("path", "xml"), ("path", "json"), ("query", "xml")],
    ids=lambda p: "-".join(p),
)
def api(request, client) -> QapiClient:
    style, return_type = request.param
    return QapiClient(django_transport(client), style=style, return_type=return_type)


def sak_for(api: QapiClient, shop: ApiSeller) -> str:
    return api.ok(
        "CertificationAPI.CreateCertificationKey",
        shop.api_key,
        user_id=shop.username,
        pwd=shop.password,
    )
