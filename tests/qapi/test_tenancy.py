"""Seller A's key on seller B's records, through every registered method: each is
"not found" (or, for lists, B's records are absent), and B's records stay as they were."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone

from sellergate.audit.snapshots import field_values
from sellergate.catalog.models import Product
from sellergate.qapi.codes import Result
from sellergate.qapi.registry import METHODS
from sellergate.sellers.models import Claim, CustomerQuestion, Order
from tests.factories import (
    ClaimFactory,
    CustomerQuestionFactory,
    LateOrderFactory,
    MoveListingFactory,
    ProductFactory,
)
from tests.qapi.client import QapiClient, django_transport
from tests.qapi.conftest import sak_for

pytestmark = pytest.mark.django_db

# Methods over tables every seller shares (no tenant): they answer the same to all.
SHARED = {
    "commoninfolookup.getcatagorylistall",
    "commoninfolookup.searchbrand",
    "commoninfolookup.searchmaker",
}
# Registering makes the item the caller's own: nothing of B's is named.
CREATES = {
    "itemsbasic.setnewgoods",
    "itemsbasic.setnewmovegoods",
    "itemslookup.requestfiledownload",
}
# Per-item results echo each item's given code, so the caller can match them up.
ECHOES = {
    "itemsorder.setgoodspriceqtybulk",
    "itemsoptions.insertinventorydatabulk",
    "itemsoptions.updateinventorydatabulk",
}
# The same for orders, in the guide's per-row fields.
ORDER_ECHOES = {"shippingbasic.setsellercheckynbulk", "shippingbasic.setsendinginfobulk"}


def snapshot(*records) -> list[dict]:
    return [
        field_values(type(r).objects.get(pk=r.pk), [f.name for f in r._meta.concrete_fields])
        for r in records
    ]


def test_every_method_keeps_to_the_callers_records(client, shop, other_shop, settings) -> None:
    settings.API_RATE_BURST = 10_000  # one call of each method, in a second
    api = QapiClient(django_transport(client))
    b = other_shop
    # Numbers nothing else contains, so a leak cannot hide in a coincidence.
    b_item = ProductFactory(
        seller=b.seller, category=b.category, seller_code="B-ONLY", item_code="918273645"
    )
    b_move = MoveListingFactory(
        product__seller=b.seller,
        product__category=b.category,
        product__seller_code="B-MOVE",
        product__item_code="918273646",
    ).product
    b_order = LateOrderFactory(seller=b.seller, order_no="918270007")
    b_question = CustomerQuestionFactory(seller=b.seller, question_no="918270008")
    b_claim = ClaimFactory(
        seller=b.seller, kind="cancel", order_no=b_order.order_no, claim_no="B-CLAIM-7"
    )
    before = snapshot(b_item, b_move, b_move.move, b_order, b_question, b_claim)
    sak = sak_for(api, shop)
    today = timezone.localdate().strftime("%Y%m%d")
    month_ago = (timezone.localdate() - dt.timedelta(days=30)).strftime("%Y%m%d")
    row = {"OrderNo": b_order.order_no, "ShippingCorp": "ヤマト運輸", "TrackingNo": "1"}
    values = {
        "ItemCode": b_item.item_code,
        "SellerCode": b_item.seller_code,
        "OrderNo": b_order.order_no,
        "orderNo": b_order.order_no,
        "ContrNo": b_order.order_no,
        "question_no": b_question.question_no,
        "seq_no": b_question.seq_no,
        "inq_type": b_question.inq_type,
        "contents": "回答",
        "SendPlanDtInfoJson": json.dumps([row]),
        "ShippingInfoJson": json.dumps([row]),
        "redelivery_date": timezone.localdate().isoformat(),
        # Every window covers B's records.
        "search_Sdate": month_ago,
        "search_Edate": today,
        "SearchStartDate": month_ago,
        "SearchEndDate": today,
        "search_start_dt": month_ago,
        "search_end_dt": today,
        "Search_Sdate": month_ago,
        "Search_Edate": today,
        "SearchCondition": 1,
        "Currency": "JPY",
        "ItemInfoJson": json.dumps(
            [
                {
                    "ItemCode": b_item.item_code,
                    "Qty": 0,
                    "OptionName": "色",
                    "OptionValue": "赤",
                    "OptionCode": "RED",
                }
            ]
        ),
        "user_id": b.username,
        "pwd": b.password,
        # Plain valid values for the rest.
        "SecondSubCat": shop.category.code,
        "ItemTitle": "A の商品",
        "ItemPrice": 1000,
        "ItemQty": 1,
        "Status": 2,
        "Price": 1,
        "Qty": 0,
        "ShippingCorp": "ヤマト運輸",
        "TrackingNo": "1",
        "EstShipDt": today,
        "DelayType": 4,
        "Contents": "説明",
        "StandardImage": "https://img.example.com/a.jpg",
        "EnlargedImage1": "https://img.example.com/b.jpg",
        "ShippingStat": 1,
        "ClaimStat": 1,
        "keyword": "サンプル",
        "EditHeaderYN": "Y",
        "EditFooterYN": "N",
        "ItemCondition": "U",
        "apply_type": "item",
        "OptionName": "色",
        "OptionValue": "赤",
        "OptionCode": "RED",
        "PlusQty": 1,
        "DiscountType": "1",
        "CostPrice": 10,
        # A MOVE listing's (B's MOVE listing is named by ItemCode where B's item is not).
        "OptionType": "ブラック||*C0||*Y",
        "OptionMainimage": "ブラック||*https://img.example.com/a.jpg",
        "OptionQty": "ブラック||*M||*1||*A-M",
        "SeasonType": "1",
        "TaxRate": "10",
        "ShippingNo": 0,
        "AvailableDateValue": "3",
        "OriginType": "1",
        "ExpireDate": "2027-11-30",
    }
    move_methods = {name for name in METHODS if "move" in name.split(".")[1]}
    covered = set()
    for name, entry in METHODS.items():
        params = {p.name: values[p.name] for p in entry.params if p.name in values}
        if name in move_methods and "ItemCode" in params:
            params["ItemCode"] = b_move.item_code
            params.pop("SellerCode", None)
        if name in CREATES:  # A's new item has a code of its own, not B's
            params["SellerCode"] = f"A-NEW-{entry.name}"
        key = shop.api_key if entry.key == "api_key" else sak
        answer = api.call(entry.name, key, entry.versions[-1], **params)
        covered.add(name)
        # Refusals echo the caller's own input; only what came back as data can leak.
        text = json.dumps(answer.get("ResultObject"), ensure_ascii=False)
        if name == "certificationapi.createcertificationkey":
            assert answer["ResultCode"] == Result.LOGIN_FAILED, answer  # B's user, A's key
        elif name in SHARED or name in CREATES:
            assert answer["ResultCode"] == 0, answer
        elif entry.writes or {"ItemCode", "SellerCode", "OrderNo"} & set(params):
            if name in ECHOES:
                assert answer["ResultObject"][0]["ResultCode"] == Result.NOT_FOUND, answer
            elif name in ORDER_ECHOES:
                row = answer["ResultObject"][0]
                assert int(row["result_cd"]) == Result.NOT_FOUND, answer
            else:
                assert answer["ResultCode"] == Result.NOT_FOUND, (name, answer)
        else:  # a list: none of B's records in it
            assert answer["ResultCode"] == 0, answer
        if name not in CREATES | ECHOES | ORDER_ECHOES:
            for secret in (
                b_item.item_code,
                b_order.order_no,
                b_question.question_no,
                b_claim.claim_no,
                b_move.item_code,
            ):
                assert secret not in text, (name, answer)
    assert covered == set(METHODS)
    assert snapshot(b_item, b_move, b_move.move, b_order, b_question, b_claim) == before
    assert Product.objects.filter(seller=b.seller).count() == 2
    assert not Order.objects.filter(seller=shop.seller).exists()
    assert not CustomerQuestion.objects.filter(seller=shop.seller).exists()
    assert not Claim.objects.filter(seller=shop.seller).exists()
