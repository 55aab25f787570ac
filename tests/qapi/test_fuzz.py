"""Any input to any method: never an internal error, always the envelope, and a refusal
writes nothing (the transaction around each writing method holds)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sellergate.audit.models import AuditEvent
from sellergate.catalog.models import Product
from sellergate.qapi.codes import Error
from sellergate.qapi.registry import METHODS
from tests.factories import MoveListingFactory, OrderFactory, ProductFactory
from tests.qapi.client import QapiClient, django_transport
from tests.qapi.conftest import sak_for

pytestmark = pytest.mark.django_db

ENTRIES = sorted(METHODS.values(), key=lambda entry: entry.name)


def values(shop, product, order, move):
    """Near misses and nonsense alike, so the fuzzing reaches past the first check."""
    plausible = st.sampled_from(
        [
            shop.category.code,
            shop.brand.number,
            product.item_code,
            product.seller_code,
            move.item_code,
            "ブラック||*S||*5||*C0-S",
            "ブラック||*C0||*Y$$ホワイト||*C1||*N",
            order.order_no,
            "0",
            "1",
            "2",
            "3",
            "S",
            "S2",
            "10",
            "Y",
            "N",
            "20261201",
            "2026-12-01",
            "12:30",
            "-1",
            "99999999999",
            "1e9",
            "NaN",
            "[]",
            json.dumps([{"ItemCode": product.item_code, "Qty": "x"}]),
            "../../etc/passwd",
            "<script>alert(1)</script>",
            "'; DROP TABLE x; --",
            "\u0000",
            "ｱｲｳ",
            "😀" * 40,
        ]
    )
    return st.one_of(plausible, st.text(max_size=120), st.integers().map(str))


@pytest.mark.parametrize("return_type", ["json", "xml"])
@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry.name)
def test_no_input_breaks_a_method(client, shop, entry, return_type) -> None:
    api = QapiClient(django_transport(client), return_type=return_type)
    sak = sak_for(api, shop)
    product = ProductFactory(seller=shop.seller, category=shop.category)
    order = OrderFactory(seller=shop.seller)
    move = MoveListingFactory(product__seller=shop.seller, product__category=shop.category).product
    names = [p.name for p in entry.params] + ["Junk", "method"]
    key = shop.api_key if entry.key == "api_key" else sak

    @settings(
        max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(
        params=st.dictionaries(
            st.sampled_from(names), values(shop, product, order, move), max_size=len(names)
        )
    )
    def check(params) -> None:
        events = AuditEvent.objects.count()
        products = list(Product.objects.order_by("pk").values())
        answer = api.call(entry.name, key, entry.versions[-1], **params)
        assert answer.get("ErrorCode") != Error.INTERNAL, (params, answer)
        assert "ResultCode" in answer or "ErrorCode" in answer
        if answer.get("ResultCode", -1) != 0:
            assert AuditEvent.objects.count() == events, (params, answer)
            assert list(Product.objects.order_by("pk").values()) == products

    check()
    assert set(api.statuses) == {200}
