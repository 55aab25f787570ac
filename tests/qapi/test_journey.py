"""The API's promise, end to end with a client written from the wire format: a seller
authorization key, goods registered, changed, looked up and listed, price and stock set,
orders read and one shipped, a question answered, a claim settled — and the seller's
standing changes accordingly."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from sellergate.sellers.eligibility import evaluate_eligibility
from tests.factories import ClaimFactory, CustomerQuestionFactory, LateOrderFactory, OrderFactory
from tests.qapi.client import QapiClient, django_transport
from tests.qapi.conftest import sak_for

pytestmark = pytest.mark.django_db


def failing_conditions(client, shop) -> set[str]:
    """The conditions the seller center's home page shows as not met."""
    client.force_login(get_user_model().objects.get(username=shop.username))
    page = client.get("/seller/").content.decode()
    client.logout()
    return set(re.findall(r'class="condition fail" data-condition="([a-z_]+)"', page))


def test_the_whole_api_journey(api, shop, client) -> None:
    sak = sak_for(api, shop)
    assert sak.startswith("sgs_")

    created = api.ok(
        "ItemsBasic.SetNewGoods",
        sak,
        "1.1",
        SecondSubCat=shop.category.code,
        BrandNo=shop.brand.number,
        ItemTitle="和風マグカップ 藍",
        SellerCode="MUG-001",
        ItemPrice=1800,
        RetailPrice=2200,
        ItemQty=30,
        ShippingNo=1,
        TaxRate="10",
        AdultYN="N",
        ModelNM="AI-01",
        Keyword="マグ,和食器,藍",
        AvailableDateType=0,
        AvailableDateValue=2,
        ItemDescription="<p>手作りのマグ</p>",
        StandardImage="https://img.example.com/mug.jpg",
    )
    item_code = created["GdNo"]
    assert item_code

    api.ok(
        "ItemsBasic.UpdateGoods",
        sak,
        "1.1",
        ItemCode=item_code,
        ItemTitle="和風マグカップ 藍色",
        ModelNm="AI-02",
    )
    detail = api.ok("ItemsLookup.GetItemDetailInfo", sak, "1.1", ItemCode=item_code)
    item = detail[0]
    assert item["ItemTitle"] == "和風マグカップ 藍色"
    assert item["ModelNM"] == "AI-02"
    assert item["SecondSubCatCd"] == shop.category.code
    assert str(item["ItemPrice"]) == "1800"
    assert str(item["ShippingNo"]) == "1"
    assert item["Keyword"] == "マグ,和食器,藍"

    api.ok("ItemsOrder.SetGoodsPriceQty", sak, SellerCode="MUG-001", Price=1650, Qty=12)
    bulk = api.ok(
        "ItemsOrder.SetGoodsPriceQtyBulk",
        sak,
        ItemInfoJson=json.dumps(
            [{"ItemCode": item_code, "Qty": 11}, {"ItemCode": "999999999", "Qty": 1}]
        ),
    )
    assert [int(row["ResultCode"]) for row in bulk] == [0, -3]
    listing = api.ok("ItemsLookup.GetAllGoodsInfo", sak, ItemStatus="S2", Page=1)
    assert int(listing["TotalItems"]) == 1
    assert str(listing["Items"][0]["ItemQty"]) == "11"
    assert str(listing["Items"][0]["ItemPrice"]) == "1650"
    api.ok("ItemsBasic.EditGoodsStatus", sak, ItemCode=item_code, Status=1)
    assert int(api.ok("ItemsLookup.GetAllGoodsInfo", sak, ItemStatus="S2")["TotalItems"]) == 0

    # The seller is behind: a late order, a question, a cancellation request.
    late = LateOrderFactory(seller=shop.seller, item_code=item_code, item_title="和風マグカップ")
    OrderFactory(seller=shop.seller)
    question = CustomerQuestionFactory(seller=shop.seller, body="在庫はありますか。")
    to_cancel = OrderFactory(seller=shop.seller)
    ClaimFactory(seller=shop.seller, kind="cancel", order_no=to_cancel.order_no)
    before = evaluate_eligibility(shop.seller)
    assert not before.passed
    failing_before = failing_conditions(client, shop)
    assert len(failing_before) == 3, failing_before

    today = timezone.localdate()
    window = {
        "search_Sdate": (today - dt.timedelta(days=30)).strftime("%Y%m%d"),
        "search_Edate": today.strftime("%Y%m%d"),
    }
    # ShippingStat 2: paid orders waiting for the seller (the guide's new orders).
    to_confirm = api.ok(
        "ShippingBasic.GetShippingInfo_v2", sak, ShippingStat=2, search_condition=1, **window
    )
    assert {str(row["orderNo"]) for row in to_confirm} >= {late.order_no}
    api.ok(
        "ShippingBasic.SetSellerCheckYN_V2",
        sak,
        OrderNo=late.order_no,
        EstShipDt=today.strftime("%Y%m%d"),
        DelayType=1,
        DelayMemo="入荷待ち",
    )
    api.ok(
        "ShippingBasic.SetSendingInfo",
        sak,
        OrderNo=late.order_no,
        ShippingCorp="ヤマト運輸",
        TrackingNo="1234-5678-9012",
    )
    shipped = api.ok("ShippingBasic.GetShippingInfo_v2", sak, ShippingStat=4)
    shipped = shipped if isinstance(shipped, list) else [shipped]
    assert [str(row["orderNo"]) for row in shipped] == [late.order_no]
    assert shipped[0]["trackingNo"] == "1234-5678-9012"

    inquiries = api.ok(
        "CSCenter.GetInquiryMessage",
        sak,
        search_start_dt=window["search_Sdate"],
        search_end_dt=window["search_Edate"],
        proc_status="S1",
    )
    inquiries = inquiries if isinstance(inquiries, list) else [inquiries]
    assert [str(row["QUESTION_NO"]) for row in inquiries] == [question.question_no]
    api.ok(
        "CSCenter.SetInquiryMessage",
        sak,
        inq_type=inquiries[0]["INQ_TYPE"],
        question_no=inquiries[0]["QUESTION_NO"],
        seq_no=inquiries[0]["SEQ_NO"],
        contents="在庫ございます。",
    )
    claims = api.ok("ShippingBasic.GetClaimInfo_V3", sak, ClaimStat=1, **window, search_condition=2)
    claims = claims if isinstance(claims, list) else [claims]
    assert [str(row["orderNo"]) for row in claims] == [to_cancel.order_no]
    api.ok("Claim.SetCancelProcess", sak, ContrNo=claims[0]["orderNo"], SellerMemo="承知しました")

    after = evaluate_eligibility(shop.seller)
    assert after.passed, after.failed
    assert failing_conditions(client, shop) == set()
    assert set(api.statuses) == {200}


def test_the_seller_sees_usage_per_method_on_the_api_key_page(client, shop) -> None:
    api = QapiClient(django_transport(client))
    sak = sak_for(api, shop)
    api.ok("ItemsLookup.GetAllGoodsInfo", sak)
    api.call("ItemsLookup.GetItemDetailInfo", sak, ItemCode="404")
    client.force_login(get_user_model().objects.get(username=shop.username))
    page = client.get("/seller/api-keys/").content.decode()
    usage = page.split('id="usage"')[1]
    assert "<code>ItemsLookup.GetAllGoodsInfo</code></td><td>1</td><td>0</td>" in usage
    assert "<code>ItemsLookup.GetItemDetailInfo</code></td><td>1</td><td>1</td>" in usage
    assert 'href="/api/#code-3">-3</a>' in usage


def _rows(answer):
    """A list answer: XML makes one row a single element (as defensive clients allow)."""
    return answer if isinstance(answer, list) else [answer]


def test_a_catalog_day_with_options(api, shop) -> None:
    """Register goods with options, change stock per option, look them up, discount,
    stop selling: every call by the guide's names, in both styles and return types."""
    sak = sak_for(api, shop)
    created = api.ok(
        "ItemsBasic.SetNewGoods",
        sak,
        "1.1",
        SecondSubCat=shop.category.code,
        ItemTitle="藍染めTシャツ",
        SellerCode="TEE-001",
        ItemPrice=3200,
        ItemQty=0,
        AvailableDateType=0,
        AvailableDateValue=3,
        ItemType="色||*藍||*サイズ||*M||*0||*5||*TEE-AI-M$$色||*藍||*サイズ||*L||*200||*3||*TEE-AI-L",
    )
    item = created["GdNo"]
    registered = _rows(api.ok("ItemsLookup.GetGoodsInventoryInfo", sak, ItemCode=item))
    assert [r["ItemTypeCode"] for r in registered] == ["TEE-AI-M", "TEE-AI-L"]
    api.ok(  # the whole inventory again, the L's price changed
        "ItemsOptions.EditGoodsInventory",
        sak,
        ItemCode=item,
        InventoryInfo="色||*藍||*サイズ||*M||*0||*5||*TEE-AI-M$$色||*藍||*サイズ||*L||*300||*3||*TEE-AI-L",
    )
    api.ok(
        "ItemsOptions.InsertInventoryDataUnit",
        sak,
        ItemCode=item,
        OptionName="色||*サイズ",
        OptionValue="白||*M",
        OptionCode="TEE-SHIRO-M",
        Price=0,
        Qty=4,
    )
    api.ok(
        "ItemsOptions.UpdateInventoryQtyPlusUnit",
        sak,
        ItemCode=item,
        OptionName="色||*サイズ",
        OptionValue="藍||*M",
        OptionCode="TEE-AI-M",
        PlusQty=-2,
    )
    refused = api.call(
        "ItemsOptions.UpdateInventoryQtyUnit",
        sak,
        ItemCode=item,
        OptionName="色||*サイズ",
        OptionValue="黒||*S",
        OptionCode="NONE",
        Qty=1,
    )
    assert int(refused["ResultCode"]) != 0
    assert "OptionName" in refused["ResultMsg"]
    inventory = _rows(api.ok("ItemsLookup.GetGoodsInventoryInfo", sak, ItemCode=item))
    assert [
        (r["Value1"], r["Value2"], str(r["Price"]), int(r["Qty"]), r["ItemTypeCode"])
        for r in inventory
    ] == [
        ("藍", "M", "0", 3, "TEE-AI-M"),
        ("藍", "L", "300", 3, "TEE-AI-L"),
        ("白", "M", "0", 4, "TEE-SHIRO-M"),
    ]
    detail = _rows(api.ok("ItemsLookup.GetItemDetailInfo", sak, "1.2", ItemCode=item))[0]
    assert detail["ItemQty"] == "10"  # the options' stock added up
    api.ok(
        "ItemsOptions.EditGoodsOption", sak, ItemCode=item, AdditionalOption="包装||*ギフト||*300"
    )
    additional = _rows(api.ok("ItemsLookup.GetGoodsOptionInfo", sak, SellerCode="TEE-001"))
    assert [(r["Name"], r["Value"], str(r["Price"])) for r in additional] == [
        ("包装", "ギフト", "300")
    ]
    api.ok("ItemsOrder.UpdateItemDiscount", sak, ItemCode=item, DiscountType=1, CostPrice=10)
    api.ok("ItemsBasic.EditGoodsStatus", sak, ItemCode=item, Status=3)
    stopped = api.ok("ItemsLookup.GetAllGoodsInfo", sak, ItemStatus="S3")
    assert int(stopped["TotalItems"]) == 1
