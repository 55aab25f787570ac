"""The desk revokes keys and suspends FTP accounts and sellers, always with a reason."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sellergate.audit.models import AuditEvent
from sellergate.core.actors import Actor
from sellergate.credentials import api_keys
from sellergate.credentials.models import FtpAccount, FtpStatus, KeyStatus
from tests.factories import OperatorFactory, granted_seller

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(client):
    client.force_login(OperatorFactory())
    return client


def test_revoking_a_key_needs_a_reason_and_is_audited(desk) -> None:
    key, _token = api_keys.api_key_create(
        actor=Actor.system("t"), seller=granted_seller(), name="k"
    )
    url = reverse("desk:key_revoke", args=[key.pk])
    asked = desk.post(url, {"reason": "規約違反"}).content.decode()
    assert f"…{key.last4}" in asked
    assert 'name="confirmed" value="yes"' in asked
    assert "規約違反</textarea>" in asked  # the reason, asked for there, as typed
    key.refresh_from_db()
    assert key.status == KeyStatus.ACTIVE  # nothing until it is confirmed
    response = desk.post(url, {"reason": "", "confirmed": "yes"}, follow=True)
    assert "理由を入力してください" in response.content.decode()
    key.refresh_from_db()
    assert key.status == KeyStatus.ACTIVE
    desk.post(url, {"reason": "規約違反", "confirmed": "yes"})
    key.refresh_from_db()
    assert (key.status, key.revoked_reason) == (KeyStatus.REVOKED, "規約違反")
    assert AuditEvent.objects.get(action="api_key.revoke").after["reason"] == "規約違反"


def test_suspending_and_reactivating_an_ftp_account(desk) -> None:
    account = FtpAccount.objects.create(
        seller=granted_seller(), username="sg-x", status=FtpStatus.ACTIVE
    )
    desk.post(reverse("desk:ftp_suspend", args=[account.pk]), {"reason": "不正アクセス"})
    account.refresh_from_db()
    assert account.status == FtpStatus.ACTIVE  # asked first
    desk.post(
        reverse("desk:ftp_suspend", args=[account.pk]),
        {"reason": "不正アクセス", "confirmed": "yes"},
    )
    account.refresh_from_db()
    assert account.status == FtpStatus.SUSPENDED
    desk.post(reverse("desk:ftp_reactivate", args=[account.pk]), {"reason": "確認済み"})
    account.refresh_from_db()
    assert account.status == FtpStatus.ACTIVE


def test_suspending_a_sellers_credentials_shows_on_its_page(desk) -> None:
    seller = granted_seller()
    asked = desk.post(reverse("desk:seller_suspend", args=[seller.login_id]), {"reason": "調査中"})
    assert "すべての認証情報を停止" in asked.content.decode()
    desk.post(
        reverse("desk:seller_suspend", args=[seller.login_id]),
        {"reason": "調査中", "confirmed": "yes"},
    )
    page = desk.get(reverse("desk:seller_detail", args=[seller.login_id])).content.decode()
    assert "停止中：調査中" in page
    desk.post(reverse("desk:seller_resume", args=[seller.login_id]), {"reason": "解決"})
    seller.refresh_from_db()
    assert seller.suspended_at is None


def test_the_standing_check_runs_on_demand(desk) -> None:
    response = desk.post(reverse("desk:standing_check"), follow=True)
    assert "条件チェックを実行しました" in response.content.decode()


def test_the_standing_check_says_whom_it_checked(desk) -> None:
    from tests.factories import SellerFactory

    for n in range(3):  # failing, but with no credentials: nothing to warn about
        SellerFactory(login_id=f"shop-bare-{n}", service_points=-1)
    seller = granted_seller(login_id="shop-keyed", service_points=-1)
    api_keys.api_key_create(actor=Actor.system("t"), seller=seller, name="連携")
    page = desk.post(reverse("desk:standing_check"), follow=True).content.decode()
    assert "販売者1件の条件チェック" in page
    assert "警告1件" in page
    assert "対象外" in page
