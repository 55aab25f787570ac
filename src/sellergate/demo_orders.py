"""The demo's orders, claims and inquiries, every field of the marketplace's feed filled,
through the same upserts the order feed uses (so running the demo again changes
nothing but the dates it brings up to today).

Every seller has a history of handled records (the conditions count only open ones)
and the open problems its standing calls for. ``shop-ready`` has an order day to work
through with the API: new paid orders (one a pack of two), one awaiting payment, one
confirmed, one shipped, one delivered, a completed cancellation, a return being
handled — and nothing late or unanswered, so it stays eligible.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from sellergate.core.actors import Actor
from sellergate.sellers import services
from sellergate.sellers.models import ClaimKind, Seller

ACTOR = Actor.system("demo")


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _number(seller: Seller, group: int, n: int) -> str:
    """Order and question numbers are digits, not starting with 0, unique per seller."""
    return f"{seller.pk}{group}{n:04d}"


BUYER = {
    "buyer_name": "山田 花子",
    "buyer_kana": "ヤマダ ハナコ",
    "buyer_tel": "03-1234-5678",
    "buyer_mobile": "090-1234-5678",
    "buyer_email": "hanako@example.com",
    "receiver_name": "山田 太郎",
    "receiver_kana": "ヤマダ タロウ",
    "receiver_zip": "150-0001",
    "receiver_address": "東京都渋谷区神宮前1-2-3",
    "receiver_address2": "サンプルマンション101",
    "receiver_tel": "03-8765-4321",
    "receiver_phone": "080-8765-4321",
    "sender_name": "山田 花子",
    "sender_tel": "090-1234-5678",
    "sender_nation": "JP",
    "sender_zip": "530-0001",
    "sender_address": "大阪府大阪市北区梅田1-1-1",
}


def order_details(seller: Seller, n: int, *, price: int = 1800, qty: int = 1) -> dict[str, Any]:
    """What the marketplace's feed sends of an order besides its number and dates."""
    return {
        **BUYER,
        "item_code": f"{1000000 + n}",
        "seller_item_code": f"MUG-{n:03d}",
        "item_title": "波佐見焼 マグカップ 藍",
        "option_text": "色:藍",
        "option_code": "AI",
        "quantity": qty,
        "price": price,
        "discount": 100 * qty,
        "seller_discount": 100 * qty,
        "cart_discount_seller": 50,
        "cart_discount_marketplace": 50,
        "service_fee": price * qty // 10,
        "shipping_rate": 700,
        "shipping_rate_type": "Charge",
        "payment_method": "クレジットカード",
        "desired_delivery": "午前中",
        "shipping_message": "置き配を希望します",
        "shipping_way": "宅配便",
        "gift": "ギフト包装",
        "voucher_code": f"V{n:05d}",
        "packing_no": f"P{n:05d}",
        "seller_delivery_no": f"D{n:05d}",
        "branch_name": "本店",
        "material": "磁器",
        "order_type": "通常",
        "available_send_type": "0",
    }


def ensure_records(
    seller: Seller, *, today: dt.date, late: int, unanswered: int, open_claims: int
) -> None:
    for n in range(1, 4):  # handled: shipped in time, a question answered
        day = today - dt.timedelta(days=10 + n)
        services.order_upsert(
            actor=ACTOR,
            seller=seller,
            order_no=_number(seller, 1, n),
            ordered_at=_at(day, 10),
            paid_at=_at(day, 10),
            ship_by=day + dt.timedelta(days=2),
            shipped_at=_at(day + dt.timedelta(days=1), 15),
            delivered_at=_at(day + dt.timedelta(days=3), 11),
            seller_checked_at=_at(day, 12),
            delivery_company="ヤマト運輸",
            tracking_no=f"4000-0000-{n:04d}",
            **order_details(seller, n),
        )
    services.question_upsert(
        actor=ACTOR,
        seller=seller,
        question_no=_number(seller, 5, 1),
        subject="在庫について",
        asked_at=_at(today - dt.timedelta(days=8), 9),
        answered_at=_at(today - dt.timedelta(days=8), 11),
        answer="在庫がございます。",
        answer_seq_no=2,
        **_question_details(seller, 1),
    )
    for n in range(late):
        ship_by = today - dt.timedelta(days=2)
        services.order_upsert(
            actor=ACTOR,
            seller=seller,
            order_no=_number(seller, 9, n),
            ordered_at=_at(ship_by - dt.timedelta(days=3), 10),
            paid_at=_at(ship_by - dt.timedelta(days=3), 10),
            ship_by=ship_by,
            **order_details(seller, 90 + n),
        )
    for n in range(unanswered):
        services.question_upsert(
            actor=ACTOR,
            seller=seller,
            question_no=_number(seller, 6, n),
            subject="配送日の確認",
            asked_at=_at(today - dt.timedelta(days=1), 14),
            **_question_details(seller, 10 + n),
        )
    for n in range(open_claims):
        services.claim_upsert(
            actor=ACTOR,
            seller=seller,
            claim_no=f"C{seller.pk:03d}9{n:03d}",
            kind=ClaimKind.RETURN,
            order_no=_number(seller, 1, 1),
            opened_at=_at(today - dt.timedelta(days=3), 16),
            reason="サイズが合わない",
            pickup_address="東京都渋谷区神宮前1-2-3",
            pickup_zip="150-0001",
            return_shipping_payer="購入者",
            item_condition="未使用",
        )


def _question_details(seller: Seller, n: int) -> dict[str, Any]:
    return {
        "inq_type": "ITEM",
        "seq_no": 1,
        "customer_name": "山田 花子",
        "category_code": "01",
        "category_name": "商品について",
        "body": "いつ頃発送されますか。",
        "item_code": f"{1000000 + n}",
        "item_title": "波佐見焼 マグカップ 藍",
        "order_no": _number(seller, 1, 1),
    }


def ensure_order_day(seller: Seller, *, today: dt.date) -> None:
    """shop-ready's orders in every shipping status, and its handled claims."""
    yesterday = today - dt.timedelta(days=1)
    ship_by = today + dt.timedelta(days=3)
    pack = _number(seller, 3, 0)
    states: list[dict[str, Any]] = [
        {"paid_at": None},  # 1 awaiting payment
        {"pack_no": pack},  # 2 new, a pack of two
        {"pack_no": pack},
        {"seller_checked_at": _at(today, 9), "estimated_ship_date": today},  # 3
        {  # 4 shipped
            "seller_checked_at": _at(yesterday, 9),
            "shipped_at": _at(today, 8),
            "delivery_company": "佐川急便",
            "tracking_no": "5000-0000-0001",
        },
        {  # 5 delivered
            "seller_checked_at": _at(yesterday, 9),
            "shipped_at": _at(yesterday, 15),
            "delivered_at": _at(today, 10),
            "delivery_company": "日本郵便",
            "tracking_no": "6000-0000-0001",
        },
    ]
    for n, state in enumerate(states, start=1):
        services.order_upsert(
            actor=ACTOR,
            seller=seller,
            **{
                "order_no": _number(seller, 2, n),
                "ordered_at": _at(yesterday, 10 + n),
                "paid_at": _at(yesterday, 10 + n),
                "ship_by": ship_by,
                **order_details(seller, 20 + n, qty=1 + n % 2),
                **state,
            },
        )
    cancelled = _number(seller, 2, 7)
    services.order_upsert(
        actor=ACTOR,
        seller=seller,
        order_no=cancelled,
        ordered_at=_at(yesterday, 9),
        paid_at=_at(yesterday, 9),
        ship_by=ship_by,
        cancelled_at=_at(today, 9),
        **order_details(seller, 27),
    )
    services.claim_upsert(
        actor=ACTOR,
        seller=seller,
        claim_no=f"C{seller.pk:03d}1001",
        kind=ClaimKind.CANCEL,
        order_no=cancelled,
        opened_at=_at(yesterday, 20),
        resolved_at=_at(today, 9),
        completed_at=_at(today, 9),
        reason="注文を間違えた",
        seller_memo="承知しました",
    )
    services.claim_upsert(
        actor=ACTOR,
        seller=seller,
        claim_no=f"C{seller.pk:03d}1002",
        kind=ClaimKind.RETURN,
        order_no=_number(seller, 1, 2),
        opened_at=_at(yesterday, 18),
        resolved_at=_at(today, 9),
        reason="イメージと違う",
        return_company="ヤマト運輸",
        return_tracking_no="7000-0000-0001",
        pickup_address="東京都渋谷区神宮前1-2-3",
        pickup_zip="150-0001",
        return_shipping_payer="購入者",
        item_condition="未開封",
        return_to={"name": "ひかり工房", "zip": "600-8001", "address1": "京都府京都市下京区"},
    )
