"""The catalog methods against the public guide's method table (tests/qapi/conformance.py).

The run prints "N of M methods conform" and every finding. ``NOT_YET`` is the honest
list of the catalog methods that do not conform yet (the API issue stays open until it
is empty): the test fails when a method outside it stops conforming, and when one in it
starts to — so the list always says exactly where we stand.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sellergate.catalog import codes
from sellergate.catalog.models import Brand, ItemStatus, Maker, Product
from tests.factories import ProductFactory
from tests.qapi.client import QapiClient, django_transport
from tests.qapi.conformance import CATALOG, Finding, World, check
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


def test_the_suite_reads_the_guide_not_the_registry() -> None:
    # 35 catalog methods in the guide's table (MOVE ones aside), whatever is registered.
    assert len(CATALOG) == 35
    assert "ItemsOptions.EditGoodsInventory" in CATALOG
    assert not any("Move" in name for name in CATALOG)
