"""A seller's order day through the marketplace API, by a client that knows only the
guide's wire facts (``client.QapiClient``): the marketplace's order system pushes the
day's orders, a cancellation request and an inquiry (the order feed), the seller's
integration lists new paid orders with v3 and v2, confirms them with an estimated
date, sends tracking in bulk, answers the inquiry, accepts the cancellation and reads
the settlement report — and the seller center's conditions follow.

Run in the four calling styles (query or path, JSON or XML): XML answers carry every
value as text, so values are compared as text.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone

from sellergate.core.actors import Actor
from sellergate.credentials.feed_tokens import feed_token_create
from tests.qapi.conftest import sak_for
from tests.qapi.test_journey import failing_conditions

pytestmark = pytest.mark.django_db


def rows(answer) -> list[dict]:
    """A list answer (an XML list of one comes back as one element)."""
    if answer in ("", None):
        return []
    return answer if isinstance(answer, list) else [answer]


def push(client, kind: str, rows: list[dict]) -> None:
    token = feed_token_create(actor=Actor.system("test"), name=f"受注 {kind}")[1]
    answer = client.post(
        f"/hooks/feed/{kind}/",
        json.dumps(rows, ensure_ascii=False),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    ).json()
    assert answer["refused"] == 0, answer


def test_a_sellers_order_day(api, shop, client, settings) -> None:
    settings.API_RATE_BURST = 1000
    now = timezone.localtime()
    today = now.date()
    when = lambda hours: (now - dt.timedelta(hours=hours)).isoformat()  # noqa: E731
    seller = shop.seller.login_id
    base = {
        "seller": seller,
        "ship_by": (today + dt.timedelta(days=2)).isoformat(),
        "buyer_name": "山田 花子",
        "receiver_name": "山田 太郎",
        "receiver_address": "東京都渋谷区神宮前1-2-3",
        "receiver_address2": "101号室",
        "item_title": "波佐見焼 マグカップ",
        "price": 1800,
        "quantity": 1,
        "shipping_rate": 700,
        "service_fee": 180,
    }
    push(
        client,
        "orders",
        [
            {**base, "order_no": "3100001", "pack_no": "3100001", "ordered_at": when(5)},
            {**base, "order_no": "3100002", "pack_no": "3100001", "ordered_at": when(5)},
            {**base, "order_no": "3100003", "ordered_at": when(4), "cart_discount_seller": 100},
            {**base, "order_no": "3100004", "ordered_at": when(3)},  # to be cancelled
            {  # ordered days ago, due yesterday, still not shipped: late
                **base,
                "order_no": "3100005",
                "ordered_at": when(80),
                "ship_by": (today - dt.timedelta(days=1)).isoformat(),
            },
            {**base, "order_no": "3100006", "ordered_at": when(2), "paid_at": ""},  # not paid
        ],
    )
    push(client, "orders", [{"seller": seller, "order_no": n, "paid_at": when(1)} for n in (
        "3100001", "3100002", "3100003", "3100004", "3100005")])  # fmt: skip
    push(
        client,
        "claims",
        [
            {
                "seller": seller,
                "claim_no": "CX1",
                "order_no": "3100004",
                "kind": "cancel",
                "opened_at": when(1),
                "reason": "注文を間違えた",
            }
        ],
    )
    push(
        client,
        "questions",
        [
            {
                "seller": seller,
                "question_no": "4100001",
                "inq_type": "ITEM",
                "seq_no": 1,
                "asked_at": when(1),
                "customer_name": "山田 花子",
                "body": "いつ届きますか。",
                "order_no": "3100003",
            }
        ],
    )
    assert failing_conditions(client, shop) == {
        "late_shipments",
        "unanswered_questions",
        "open_claims",
    }
    sak = sak_for(api, shop)
    start, end = (today - dt.timedelta(days=7)).strftime("%Y%m%d"), today.strftime("%Y%m%d")

    # New paid orders (ShippingStatus 2), with v3 and with the legacy v2.
    new = rows(
        api.ok(
            "ShippingBasic.GetShippingInfo_v3",
            sak,
            ShippingStatus=2,
            SearchStartDate=start,
            SearchEndDate=end,
            SearchCondition=1,
        )
    )
    numbers = [str(row["OrderNo"]) for row in new]
    assert numbers == ["3100005", "3100001", "3100002", "3100003", "3100004"]
    first = new[1]
    assert (str(first["PackNo"]), first["RelatedOrder"]) == ("3100001", "3100002")
    assert first["ShippingAddress"] == "東京都渋谷区神宮前1-2-3 101号室"
    assert (str(first["Total"]), str(first["SettlePrice"])) == ("1800", "1620")
    assert {row["ShippingStatus"] for row in new} == {"2"}
    legacy = rows(api.ok("ShippingBasic.GetShippingInfo_v2", sak, ShippingStat=2))
    assert [str(row["orderNo"]) for row in legacy] == numbers
    awaiting = rows(api.ok("ShippingBasic.GetShippingInfo_v3", sak, ShippingStatus=1))
    assert [str(row["OrderNo"]) for row in awaiting] == ["3100006"]

    # Accept the cancellation request (Claim.SetCancelProcess names the order).
    requested = rows(
        api.ok(
            "ShippingBasic.GetClaimInfo_V3", sak, ClaimStat=1, search_Sdate=start, search_Edate=end
        )
    )
    assert [str(row["orderNo"]) for row in requested] == ["3100004"]
    api.ok("Claim.SetCancelProcess", sak, ContrNo="3100004", SellerMemo="承知しました")
    done = rows(
        api.ok(
            "ShippingBasic.GetClaimInfo_V3", sak, ClaimStat=3, search_Sdate=start, search_Edate=end
        )
    )
    assert [(str(r["orderNo"]), r["claimStatus"]) for r in done] == [("3100004", "3")]

    # Confirm the rest with an estimated date (the late one with its reason), in bulk.
    tomorrow = (today + dt.timedelta(days=1)).strftime("%Y%m%d")
    plan = [{"OrderNo": n, "EstShipDt": tomorrow} for n in ("3100001", "3100002", "3100003")]
    plan.append({"OrderNo": "3100005", "EstShipDt": tomorrow})  # late: no reason given
    plan.append({"OrderNo": "3100005", "EstShipDt": tomorrow, "DelayType": "1"})
    checked = rows(
        api.ok("ShippingBasic.SetSellerCheckYNBulk", sak, SendPlanDtInfoJson=json.dumps(plan))
    )
    assert [str(row["result_cd"]) for row in checked] == ["0", "0", "0", "-1", "0"]
    assert "DelayType" in checked[3]["result_msg"]
    confirmed = rows(api.ok("ShippingBasic.GetShippingInfo_v3", sak, ShippingStatus=3))
    assert len(confirmed) == 4
    assert {row["EstimatedShippingDate"] for row in confirmed} == {
        (today + dt.timedelta(days=1)).isoformat()
    }

    # Send tracking numbers in bulk; the cancelled order cannot ship.
    sending = [
        {"OrderNo": n, "ShippingCorp": "ヤマト運輸", "TrackingNo": f"1234-{n}"}
        for n in ("3100001", "3100002", "3100003", "3100004", "3100005")
    ]
    sent = rows(
        api.ok("ShippingBasic.SetSendingInfoBulk", sak, ShippingInfoJson=json.dumps(sending))
    )
    assert [str(row["result_cd"]) for row in sent] == ["0", "0", "0", "-5", "0"]
    assert [str(row["contr_no"]) for row in sent][3] == "3100004"
    in_transit = rows(api.ok("ShippingBasic.GetShippingInfo_v3", sak, ShippingStatus=4))
    assert {row["TrackingNo"] for row in in_transit} == {
        "1234-3100001",
        "1234-3100002",
        "1234-3100003",
        "1234-3100005",
    }
    one = rows(api.ok("ShippingBasic.GetShippingAndClaimInfoByOrderNo_V2", sak, OrderNo="3100004"))
    assert (one[0]["claimStatus"], one[0]["shippingStatus"]) == ("3", "")

    # Answer the inquiry, by the numbers GetInquiryMessage gave.
    asked = rows(
        api.ok(
            "CSCenter.GetInquiryMessage",
            sak,
            search_start_dt=start,
            search_end_dt=end,
            proc_status="S1",
        )
    )
    assert [(str(q["QUESTION_NO"]), q["CUST_NM"]) for q in asked] == [("4100001", "山田 花子")]
    answer = api.ok(
        "CSCenter.SetInquiryMessage",
        sak,
        inq_type=asked[0]["INQ_TYPE"],
        question_no=asked[0]["QUESTION_NO"],
        seq_no=asked[0]["SEQ_NO"],
        contents="明日発送いたします。",
    )
    assert str(answer["SEQ_NO"]) == "2"

    # The settlement report of the day's payments, as XML whatever was asked for.
    day = today.isoformat()
    report = api.ok(
        "ShippingBasic.GetSellingReportDetailList",
        sak,
        SearchCondition=1,
        Search_Sdate=(today - dt.timedelta(days=1)).isoformat(),
        Search_Edate=day,
        Currency="JPY",
    )
    details = rows(report["Details"])
    assert [str(d["OrderNo"]) for d in details] == ["3100001", "3100002", "3100003", "3100005"]
    assert str(report["Summary"]["SettlePrice"]) == str(4 * 1620 - 100)
    fees = api.call(
        "ShippingBasic.GetSellingReportDeliveryFeeDetailList",
        sak,
        SearchCondition=2,
        Search_Sdate=day,
        Search_Edate=f"{day} 23:59:59",
        Currency="JPY",
    )
    assert str(fees["ResultObject"]["Summary"]["ShippingRate"]) == str(4 * 700)

    assert failing_conditions(client, shop) == set()
    assert set(api.statuses) == {200}
