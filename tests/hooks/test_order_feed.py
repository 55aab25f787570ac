"""The marketplace's order system pushing orders, claims and inquiries (hooks.order_feed)."""

from __future__ import annotations

import json

import pytest
from django.utils import timezone

from sellergate.audit.models import AuditEvent
from sellergate.core.actors import Actor
from sellergate.credentials.feed_tokens import feed_token_create, feed_token_revoke
from sellergate.credentials.models import FeedToken
from sellergate.sellers.eligibility import evaluate_eligibility
from sellergate.sellers.models import Claim, CustomerQuestion, Order
from tests.factories import SellerFactory

pytestmark = pytest.mark.django_db

URL = "/hooks/feed/{}/"


@pytest.fixture
def token() -> str:
    return feed_token_create(actor=Actor.system("test"), name="受注システム")[1]


def push(client, kind: str, rows, token: str, **extra):
    return client.post(
        URL.format(kind),
        json.dumps(rows, ensure_ascii=False),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
        **extra,
    )


ORDER = {
    "order_no": "2000001",
    "ordered_at": "2026-11-25T10:00:00+09:00",
    "paid_at": "2026-11-25T10:05:00+09:00",
    "ship_by": "2026-11-27",
    "buyer_name": "山田 花子",
    "buyer_kana": "ヤマダ ハナコ",
    "receiver_address2": "101号室",
    "price": 1800,
    "quantity": 2,
    "discount": 200,
    "shipping_rate_type": "Free",
    "receiver_edited": True,
}


def test_rows_are_applied_each_on_its_own_with_a_report_per_row(client, token) -> None:
    seller = SellerFactory(login_id="shop-feed")
    rows = [
        {"seller": "shop-feed", **ORDER},
        {"seller": "shop-feed", **ORDER, "order_no": "0123", "price": -5, "colour": "red"},
        {"seller": "nobody", **ORDER, "order_no": "2000002"},
    ]
    answer = push(client, "orders", rows, token).json()
    assert (answer["received"], answer["applied"], answer["refused"]) == (3, 1, 2)
    assert [r["status"] for r in answer["rows"]] == ["applied", "refused", "refused"]
    # The bad row names every bad column, and the unknown one.
    assert set(answer["rows"][1]["errors"]) == {"colour"}
    assert "seller" in answer["rows"][2]["errors"]
    order = Order.objects.get(seller=seller)
    assert (order.order_no, order.total, order.buyer_kana) == ("2000001", 3400, "ヤマダ ハナコ")
    assert (order.shipping_rate_type, order.receiver_edited) == ("Free", True)
    assert timezone.localtime(order.ordered_at).hour == 10  # the offset was read


def test_a_row_is_checked_by_the_models_rules(client, token) -> None:
    SellerFactory(login_id="shop-feed")
    rows = [{"seller": "shop-feed", **ORDER, "order_no": "0123", "price": -5}]
    errors = push(client, "orders", rows, token).json()["rows"][0]["errors"]
    assert set(errors) == {"order_no", "price"}
    assert not Order.objects.exists()


def test_sending_again_changes_nothing_and_a_partial_row_keeps_the_rest(client, token) -> None:
    SellerFactory(login_id="shop-feed")
    push(client, "orders", [{"seller": "shop-feed", **ORDER}], token)
    events = AuditEvent.objects.count()
    push(client, "orders", [{"seller": "shop-feed", **ORDER}], token)
    assert AuditEvent.objects.count() == events
    shipped = {"seller": "shop-feed", "order_no": "2000001", "shipped_at": "2026-11-26 15:00"}
    assert push(client, "orders", [shipped], token).json()["applied"] == 1
    order = Order.objects.get()
    assert order.shipped_at is not None
    assert order.buyer_name == "山田 花子"


def test_a_new_record_needs_its_dates(client, token) -> None:
    SellerFactory(login_id="shop-feed")
    answer = push(client, "orders", [{"seller": "shop-feed", "order_no": "5"}], token).json()
    assert set(answer["rows"][0]["errors"]) == {"ordered_at", "ship_by"}


def test_claims_and_questions_change_standing_as_they_come(client, token) -> None:
    seller = SellerFactory(login_id="shop-feed")
    push(client, "orders", [{"seller": "shop-feed", **ORDER, "shipped_at": "2026-11-26"}], token)
    claim = {
        "seller": "shop-feed",
        "claim_no": "C1",
        "order_no": "2000001",
        "kind": "non_receipt",
        "opened_at": "2026-11-28 09:00",
        "non_receipt_scope": "SC",
        "non_receipt_wish": "NC",
    }
    question = {
        "seller": "shop-feed",
        "question_no": "3000001",
        "inq_type": "ITEM",
        "seq_no": 2,
        "asked_at": "2026-11-28 10:00",
        "customer_name": "山田 花子",
    }
    assert push(client, "claims", {"rows": [claim]}, token).json()["applied"] == 1
    assert push(client, "questions", [question], token).json()["applied"] == 1
    failed = {c.code for c in evaluate_eligibility(seller).failed}
    assert {"open_claims", "unanswered_questions"} <= failed
    push(client, "claims", [{**claim, "completed_at": "2026-11-29 09:00"}], token)
    assert not Claim.objects.open().exists()
    assert CustomerQuestion.objects.get().seq_no == 2


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"Authorization": "Bearer sgf_nope"}, 401), ({"Authorization": "x"}, 401)],
)
def test_no_valid_token_no_feed(client, headers, status) -> None:
    response = client.post(
        URL.format("orders"), "[]", content_type="application/json", headers=headers
    )
    assert response.status_code == status
    assert "error" in response.json()


def test_a_revoked_token_is_refused_and_no_token_is_stored(client, token) -> None:
    record = FeedToken.objects.get()
    assert token not in json.dumps(list(FeedToken.objects.values()), default=str)
    assert push(client, "orders", [], token).status_code == 200
    feed_token_revoke(actor=Actor.system("test"), public_id=record.public_id)
    assert push(client, "orders", [], token).status_code == 401


def test_bad_bodies_are_refused_before_anything_is_applied(client, token, settings) -> None:
    assert push(client, "sellers", [], token).status_code == 404
    bad = client.post(
        URL.format("orders"),
        "{not json",
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert bad.status_code == 400
    settings.API_MAX_BODY_BYTES = 2000
    big = [{"seller": "x", **ORDER} for _ in range(20)]
    assert push(client, "orders", big, token).status_code == 413
    assert not Order.objects.exists()
