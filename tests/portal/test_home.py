"""The seller center's home: the seller's own standing, in Japanese by default."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from sellergate.sellers.models import ReviewStatus
from tests.factories import (
    ClaimFactory,
    CustomerQuestionFactory,
    LateOrderFactory,
    SellerFactory,
    SellerUserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def seller_client(client):
    user = SellerUserFactory(seller=SellerFactory(shop_name="さくら雑貨店", service_points=-3))
    client.force_login(user)
    return client, user.seller


def test_home_shows_each_failed_condition_with_its_reason(seller_client) -> None:
    client, seller = seller_client
    LateOrderFactory(seller=seller, order_no="1001")
    page = client.get(reverse("portal:home")).content.decode()
    assert "API・FTPご利用条件" in page
    assert "サービスポイント：-3点" in page
    assert "発送遅延：1件 — 注文番号 1001" in page
    assert "満たしていない条件が2件あります" in page
    assert "問合せ未回答がないこと" in page  # a passing condition is listed too


def test_home_in_english_when_chosen(seller_client) -> None:
    client, _seller = seller_client
    client.post(reverse("set_language"), {"language": "en", "next": "/seller/"})
    page = client.get(reverse("portal:home")).content.decode()
    assert "Conditions for using the API and FTP" in page
    assert "Service points: -3" in page


def test_browser_language_does_not_override_japanese(seller_client) -> None:
    client, _seller = seller_client
    page = client.get(
        reverse("portal:home"), headers={"accept-language": "en-US,en"}
    ).content.decode()
    assert "API・FTPご利用条件" in page


def test_home_shows_only_the_sellers_own_records(seller_client) -> None:
    client, seller = seller_client
    other = SellerFactory(shop_name="よその店", review_status=ReviewStatus.PENDING)
    LateOrderFactory(seller=other, order_no="9999")
    CustomerQuestionFactory(seller=other, question_no="Q-OTHER")
    ClaimFactory(seller=other, claim_no="C-OTHER")
    page = client.get(reverse("portal:home")).content.decode()
    for foreign in ("よその店", other.login_id, "9999", "Q-OTHER", "C-OTHER"):
        assert foreign not in page
    assert seller.login_id in page


@time_machine.travel(dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC), tick=False)
def test_home_says_when_today_is_not_a_business_day(seller_client) -> None:
    client, _seller = seller_client
    page = client.get(reverse("portal:home")).content.decode()
    assert "本日（2026-11-23）は営業日ではありません（勤労感謝の日）" in page
    assert "2026-11-24" in page


@time_machine.travel(dt.datetime(2026, 11, 24, 1, 0, tzinfo=dt.UTC), tick=False)
def test_home_says_when_today_is_a_business_day(seller_client) -> None:
    client, _seller = seller_client
    assert "本日（2026-11-24）は営業日です" in client.get(reverse("portal:home")).content.decode()
