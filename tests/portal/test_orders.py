"""The seller fixes its standing in the seller center: its orders (late ones first;
confirm, ship), its customers' questions (answer) and its claims (settle), through the
services the API uses — and ホーム's conditions change at once."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from sellergate.audit.models import AuditEvent
from sellergate.sellers.models import Claim, CustomerQuestion, Order
from tests.factories import (
    ClaimFactory,
    CustomerQuestionFactory,
    LateOrderFactory,
    OrderFactory,
    SellerUserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def seller_user(client):
    user = SellerUserFactory()
    client.force_login(user)
    return user


def failing(client) -> set[str]:
    page = client.get(reverse("portal:home")).content.decode()
    return set(re.findall(r'class="condition fail" data-condition="([a-z_]+)"', page))


def test_late_orders_come_first_and_shipping_one_ends_the_late_shipment(
    client, seller_user
) -> None:
    seller = seller_user.seller
    today = timezone.localdate()
    OrderFactory(seller=seller, order_no="1000000001", ship_by=today + dt.timedelta(days=3))
    LateOrderFactory(seller=seller, order_no="1000000002")
    assert "late_shipments" in failing(client)
    home = client.get(reverse("portal:home")).content.decode()
    assert f'href="{reverse("portal:orders")}"' in home  # from the failing condition

    listing = client.get(reverse("portal:orders")).content.decode()
    assert listing.index('data-order="1000000002"') < listing.index('data-order="1000000001"')
    assert 'data-order="1000000002" class="late"' in listing

    refused = client.post(
        reverse("portal:order_ship", args=["1000000002"]), {"delivery_company": ""}, follow=True
    )
    assert "運送会社" in refused.content.decode()
    client.post(
        reverse("portal:order_ship", args=["1000000002"]),
        {"delivery_company": "ヤマト運輸", "tracking_no": "1234-5678"},
    )
    order = Order.objects.get(order_no="1000000002")
    assert (order.delivery_company, order.tracking_no) == ("ヤマト運輸", "1234-5678")
    assert order.shipped_at is not None
    assert "late_shipments" not in failing(client)
    assert AuditEvent.objects.filter(action="order.ship").count() == 1


def test_confirming_after_the_ship_by_date_asks_for_the_reason(client, seller_user) -> None:
    today = timezone.localdate()
    OrderFactory(seller=seller_user.seller, order_no="2000000001", ship_by=today)
    url = reverse("portal:order_confirm", args=["2000000001"])
    later = (today + dt.timedelta(days=2)).isoformat()
    page = client.post(url, {"estimated_ship_date": later}, follow=True).content.decode()
    assert "遅延" in page
    assert Order.objects.get(order_no="2000000001").seller_checked_at is None
    client.post(url, {"estimated_ship_date": later, "delay_type": "1"})
    assert Order.objects.get(order_no="2000000001").seller_checked_at is not None


def test_answering_a_question_and_settling_a_claim_change_the_standing(client, seller_user) -> None:
    seller = seller_user.seller
    CustomerQuestionFactory(seller=seller, question_no="3000000001")
    ClaimFactory(seller=seller, claim_no="C3000000001", kind="return", order_no="")
    assert {"unanswered_questions", "open_claims"} <= failing(client)
    client.post(
        reverse("portal:question_answer", args=["3000000001"]),
        {"answer": "明日発送いたします。"},
    )
    assert CustomerQuestion.objects.get(question_no="3000000001").answer == "明日発送いたします。"
    client.post(reverse("portal:claim_settle", args=["C3000000001"]), {"memo": "返金済み"})
    assert Claim.objects.get(claim_no="C3000000001").resolved_at is not None
    assert not {"unanswered_questions", "open_claims"} & failing(client)


def test_another_sellers_records_are_not_found(client, seller_user) -> None:
    other = SellerUserFactory().seller
    LateOrderFactory(seller=other, order_no="9000000001")
    CustomerQuestionFactory(seller=other, question_no="9000000002")
    ClaimFactory(seller=other, claim_no="C9000000003", kind="return", order_no="")
    for name, number in (
        ("portal:order_detail", "9000000001"),
        ("portal:question_detail", "9000000002"),
        ("portal:claim_detail", "C9000000003"),
    ):
        assert client.get(reverse(name, args=[number])).status_code == 404
    client.post(reverse("portal:order_ship", args=["9000000001"]), {"delivery_company": "佐川急便"})
    assert Order.objects.get(order_no="9000000001").shipped_at is None
    for name, row in (
        ("portal:orders", 'data-order="9000000001"'),
        ("portal:questions", 'data-question="9000000002"'),
        ("portal:claims", 'data-claim="C9000000003"'),
    ):
        assert row not in client.get(reverse(name)).content.decode()
