"""The catalog methods against the public guide's method table (tests/qapi/conformance.py).

The run prints "N of M methods conform" and every finding. ``NOT_YET`` is the honest
list of the catalog methods that do not conform yet (the API issue stays open until it
is empty): the test fails when a method outside it stops conforming, and when one in it
starts to — so the list always says exactly where we stand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone

from sellergate.catalog import codes
from sellergate.catalog.models import (
    Brand,
    Category,
    ItemStatus,
    Maker,
    MoveListing,
    Product,
    StyleCode,
    TpoCode,
)
from sellergate.sellers.models import Claim, CustomerQuestion, Order
from tests.factories import (
    ClaimFactory,
    CustomerQuestionFactory,
    MoveListingFactory,
    OrderFactory,
    ProductFactory,
)
from tests.qapi.client import QapiClient, django_transport
from tests.qapi.conformance import (
    CATALOG,
    CERTIFICATION,
    GUIDE,
    MOVE,
    ORDERS,
    Finding,
    World,
    check,
)
from tests.qapi.conftest import sak_for

pytestmark = pytest.mark.django_db

#: Catalog methods that do not conform yet, each with what is missing.
NOT_YET: dict[str, str] = {}


@pytest.fixture
def tables(shop) -> None:
    """The operators' tables the values name (a maker the keyword finds)."""
    Brand.objects.filter(pk=shop.brand.pk).update(name_en="Sample Pottery")
    Maker.objects.create(number="M100", name="サンプル製作所", name_en="Sample Works")


OPTIONS = [
    {
        "name1": "色",
        "value1": "赤",
        "name2": "",
        "value2": "",
        "price": 0,
        "qty": 5,
        "code": "RED",
        "image": "",
    }
]
ADDITIONAL = "包装||*ギフト包装||*200"


def world_for(shop, method: str) -> tuple[World, Callable[[], None]]:
    """A fresh item on sale for each method (one method's checks change its item), with
    an inventory row and an additional option; and how to put it back."""
    product: Product = ProductFactory(
        item_code=codes.take(1)[0],  # from the sequence the API's new items come from too
        seller=shop.seller,
        category=shop.category,
        brand=shop.brand,
        seller_code=f"MUG-{method.rsplit('.', 1)[-1][:20]}",
        status=ItemStatus.ON_SALE,
        options=OPTIONS,
        additional_option=ADDITIONAL,
    )

    def reset() -> None:
        Product.objects.filter(pk=product.pk).update(
            options=OPTIONS, additional_option=ADDITIONAL, extra={}
        )

    world = World(
        item_code=product.item_code or "",
        seller_code=product.seller_code,
        category=shop.category.code,
        brand=shop.brand.number,
        shipping=str(shop.shipping.number),
    )
    return world, reset


def test_the_catalog_methods_conform_to_the_guide(client, shop, tables, capsys, settings) -> None:
    settings.API_RATE_BURST = 100_000  # some thousand calls in a few seconds
    api = QapiClient(django_transport(client), style="query", return_type="json")
    sak = sak_for(api, shop)
    findings: dict[str, list[Finding]] = {
        name: check(api, sak, name, *world_for(shop, name)) for name in CATALOG
    }
    conforming = sorted(name for name, found in findings.items() if not found)
    with capsys.disabled():
        print(f"\nQAPI conformance: {len(conforming)} of {len(CATALOG)} catalog methods conform")
        for found in findings.values():
            for finding in found[:5]:
                print(f"  {finding}"[:300])
    broken = sorted(set(findings) - set(conforming) - set(NOT_YET))
    assert not broken, "these conformed and no longer do:\n" + "\n".join(
        str(f) for name in broken for f in findings[name]
    )
    fixed = sorted(set(conforming) & set(NOT_YET))
    assert not fixed, f"these conform now: take them off NOT_YET: {fixed}"
    assert set(NOT_YET) <= set(CATALOG), set(NOT_YET) - set(CATALOG)


ORDER_STATE = {
    "seller_checked_at": None,
    "estimated_ship_date": None,
    "delay_type": "",
    "delay_memo": "",
    "delivery_company": "",
    "tracking_no": "",
    "cancelled_at": None,
    "delivered_at": None,
}
CLAIM_STATE = {"resolved_at": None, "completed_at": None, "return_to": {}, "redelivery": {}}
QUESTION_STATE = {"answered_at": None, "answer": "", "answer_seq_no": None, "seq_no": 1}


def order_world_for(shop, method: str) -> tuple[World, Callable[[], None]]:
    """A paid order waiting for the seller (shipped, for reporting it delivered), with a
    claim on it waiting too (an exchange for the claim methods that take one, else a
    cancellation), an unanswered inquiry, and a window of the last week holding them."""
    today = timezone.localdate()
    placed = timezone.now() - dt.timedelta(days=2)
    shipped = placed + dt.timedelta(days=1) if method.endswith("SetSendingComplete") else None
    order: Order = OrderFactory(
        seller=shop.seller,
        ordered_at=placed,
        ship_by=today + dt.timedelta(days=3),
        pack_no="",
        shipping_rate=700,
        discount=100,
        price=1200,
        quantity=2,
    )
    exchange = method.endswith(("SetClaimAccept", "SetClaimRedelivery"))
    claim: Claim = ClaimFactory(
        seller=shop.seller,
        order_no=order.order_no,
        kind="exchange" if exchange else "cancel",
        opened_at=placed + dt.timedelta(hours=1),
    )
    question: CustomerQuestion = CustomerQuestionFactory(
        seller=shop.seller, order_no=order.order_no, asked_at=placed
    )

    def reset() -> None:
        Order.objects.filter(pk=order.pk).update(shipped_at=shipped, **ORDER_STATE)
        Claim.objects.filter(pk=claim.pk).update(**CLAIM_STATE)
        CustomerQuestion.objects.filter(pk=question.pk).update(**QUESTION_STATE)

    world = World(
        item_code="",
        seller_code="",
        category=shop.category.code,
        brand=shop.brand.number,
        shipping=str(shop.shipping.number),
        order_no=order.order_no,
        question_no=question.question_no,
        start=(today - dt.timedelta(days=7)).strftime("%Y%m%d"),
        end=today.strftime("%Y%m%d"),
        ship_date=(today + dt.timedelta(days=1)).strftime("%Y%m%d"),
    )
    return world, reset


def test_the_order_methods_conform_to_the_guide(client, shop, capsys, settings) -> None:
    settings.API_RATE_BURST = 100_000
    api = QapiClient(django_transport(client), style="query", return_type="json")
    sak = sak_for(api, shop)
    findings = {}
    for name in ORDERS:
        world, reset = order_world_for(shop, name)
        findings[name] = check(api, sak, name, world, reset)
        Claim.objects.of(shop.seller).delete()  # the next method's world is its own
        CustomerQuestion.objects.of(shop.seller).delete()
        Order.objects.of(shop.seller).delete()
    conforming = sorted(name for name, found in findings.items() if not found)
    with capsys.disabled():
        print(f"\nQAPI conformance: {len(conforming)} of {len(ORDERS)} order methods conform")
        for found in findings.values():
            for finding in found[:5]:
                print(f"  {finding}"[:300])
    assert conforming == ORDERS, "\n".join(str(f) for found in findings.values() for f in found)


def move_world_for(shop, method: str) -> tuple[World, Callable[[], None]]:
    """A MOVE listing on sale in a fashion category, two colours in three sizes, and how
    to put it and its listing back after each call."""
    product = MoveListingFactory(
        product__seller=shop.seller,
        product__category=shop.category,
        product__item_code=codes.take(1)[0],
        product__seller_code=f"MOVE-{method.rsplit('.', 1)[-1][:20]}",
        product__shipping_no=shop.shipping.number,
    ).product
    kept = Product.objects.filter(pk=product.pk).values().get()
    listing = MoveListing.objects.filter(pk=product.pk).values().get()

    def reset() -> None:
        Product.objects.filter(pk=product.pk).update(**kept)
        MoveListing.objects.filter(pk=product.pk).update(**listing)

    world = World(
        item_code=product.item_code or "",
        seller_code=product.seller_code,
        category=shop.category.code,
        brand=shop.brand.number,
        shipping=str(shop.shipping.number),
    )
    return world, reset


@pytest.fixture
def fashion(shop) -> None:
    """The shop's category a fashion one, and the style and TPO codes the values name."""
    Category.objects.filter(pk=shop.category.pk).update(fashion=True)
    StyleCode.objects.create(code="STY0001", name="カジュアル")
    TpoCode.objects.create(code="TPO0001", name="オフィス")


def test_the_move_methods_conform_to_the_guide(client, shop, fashion, capsys, settings) -> None:
    settings.API_RATE_BURST = 100_000
    api = QapiClient(django_transport(client), style="query", return_type="json")
    sak = sak_for(api, shop)
    findings = {name: check(api, sak, name, *move_world_for(shop, name)) for name in MOVE}
    conforming = sorted(name for name, found in findings.items() if not found)
    with capsys.disabled():
        print(f"\nQAPI conformance: {len(conforming)} of {len(MOVE)} MOVE methods conform")
        for found in findings.values():
            for finding in found[:5]:
                print(f"  {finding}"[:300])
    assert conforming == MOVE, "\n".join(str(f) for found in findings.values() for f in found)


def test_the_certification_method_conforms_to_the_guide(client, shop) -> None:
    api = QapiClient(django_transport(client), style="query", return_type="json")
    world = World("", "", "", "", "", user_id=shop.username, password=shop.password)
    for name in CERTIFICATION:
        assert check(api, shop.api_key, name, world) == []


def test_the_suite_reads_the_guide_not_the_registry() -> None:
    # Every method of the guide's table is in exactly one of the suites above: 65.
    groups = [CATALOG, ORDERS, MOVE, CERTIFICATION]
    assert sorted(name for group in groups for name in group) == sorted(GUIDE)
    assert len(GUIDE) == 65
    assert len(MOVE) == 8
    assert "ItemsContents.EditMoveGoodsContents" in MOVE
    # 35 catalog methods in the guide's table (MOVE ones aside), whatever is registered.
    assert len(CATALOG) == 35
    assert "ItemsOptions.EditGoodsInventory" in CATALOG
    assert not any("Move" in name for name in CATALOG)
    # Every method of ShippingBasic, Claim and CSCenter, the five live-only ones with them.
    assert len(ORDERS) == 21
    assert {"ShippingBasic.GetShippingInfo_v3", "Claim.SetClaimRedelivery"} <= set(ORDERS)
