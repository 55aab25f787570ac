"""Over a real HTTP connection to a running server: the alias endpoint, a client that
sends everything twice (headers and key/v/method in the body), XML back."""

from __future__ import annotations

import pytest

from tests.qapi.client import QapiClient, http_transport
from tests.qapi.conftest import make_api_seller, sak_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(("style", "return_type"), [("both", "xml"), ("query", "json")])
def test_over_http(live_server, style, return_type) -> None:
    shop = make_api_seller("shop-http")
    api = QapiClient(
        http_transport(live_server.url), style=style, return_type=return_type, alias=True
    )
    sak = sak_for(api, shop)
    created = api.ok(
        "ItemsBasic.SetNewGoods",
        sak,
        "1.1",
        SecondSubCat=shop.category.code,
        ItemTitle="湯呑み",
        SellerCode="CUP-1",
        ItemPrice=900,
        ItemQty=4,
    )
    detail = api.ok("ItemsLookup.GetItemDetailInfo", sak, "1.2", SellerCode="CUP-1")
    assert detail[0]["ItemCode"] == created["GdNo"]
    assert detail[0]["ItemTitle"] == "湯呑み"
    missing = api.call("ItemsLookup.GetItemDetailInfo", sak, "1.2", SellerCode="NONE")
    assert missing["ResultCode"] == -3
    assert set(api.statuses) == {200}
