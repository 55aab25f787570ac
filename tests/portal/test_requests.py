"""The seller's forms: the API key request and the FTP application, and the request page."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from sellergate.access.models import AccessRequest, RequestStatus
from tests.factories import API_PURPOSE, LateOrderFactory, SellerUserFactory, access_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def seller_user(client):
    user = SellerUserFactory()
    client.force_login(user)
    return user


def api_form(**overrides):
    return {
        "contact_email": "shop@example.com",
        "product_category": "生活雑貨",
        "purpose": API_PURPOSE,
        "integrator_name": "株式会社サンプル連携",
        **overrides,
    }


def test_the_api_key_form_has_the_guides_fields_with_the_seller_id_prefilled(
    client, seller_user
) -> None:
    page = client.get(reverse("portal:api_key_request")).content.decode()
    for label in ("販売店ID", "メールアドレス", "商品カテゴリ", "API利用目的", "API連動会社名"):
        assert label in page
    assert f'value="{seller_user.seller.login_id}"' in page
    assert "disabled" in page


def test_filing_an_api_key_request(client, seller_user) -> None:
    response = client.post(reverse("portal:api_key_request"), api_form())
    filed = AccessRequest.objects.get()
    assert response.url == reverse("portal:request_detail", args=[filed.pk])
    assert (filed.seller, filed.kind, filed.submitted_by) == (
        seller_user.seller,
        "api_key",
        seller_user,
    )
    assert filed.contact_email == "shop@example.com"


def test_the_seller_id_cannot_be_changed_by_posting_another(client, seller_user) -> None:
    client.post(reverse("portal:api_key_request"), api_form(login_id="someone-else"))
    assert AccessRequest.objects.get().seller == seller_user.seller


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("purpose", "", "利用目的を入力してください"),
        ("purpose", "テスト", "「テスト」では利用目的が明確ではありません"),
        ("purpose", "在庫連携のため", "利用目的が短すぎます"),
        ("integrator_name", "", "自社で開発する場合は「自社開発」"),
        ("integrator_name", "なし", "「なし」は会社名ではありません"),
        ("contact_email", "not-an-address", "有効なメールアドレスを入力してください"),
        ("product_category", "", "このフィールドは必須です"),
    ],
)
def test_every_form_error_says_what_is_wrong(client, seller_user, field, value, message) -> None:
    response = client.post(reverse("portal:api_key_request"), api_form(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not AccessRequest.objects.exists()


def test_the_form_shows_failing_conditions_prominently_but_accepts_the_request(
    client, seller_user
) -> None:
    LateOrderFactory(seller=seller_user.seller, order_no="1001")
    page = client.get(reverse("portal:api_key_request")).content.decode()
    assert 'role="alert"' in page
    assert "発送遅延：1件 — 注文番号 1001" in page
    client.post(reverse("portal:api_key_request"), api_form())
    assert AccessRequest.objects.get().eligibility_at_submission["passed"] is False


def test_the_ftp_application_shows_the_guidance_and_needs_the_confirmation(
    client, seller_user
) -> None:
    url = reverse("portal:ftp_application")
    page = client.get(url).content.decode()
    assert "案内事項" in page
    assert "FTP開設条件" in page
    assert "備考" in page
    response = client.post(
        url, {"purpose": API_PURPOSE, "integrator_name": "自社開発", "remarks": "夜間に更新"}
    )
    assert "備考欄の案内事項をご確認のうえ" in response.content.decode()
    assert not AccessRequest.objects.exists()
    client.post(
        url,
        {
            "purpose": API_PURPOSE,
            "integrator_name": "自社開発",
            "remarks": "夜間に更新",
            "guidance_read": "on",
        },
    )
    filed = AccessRequest.objects.get()
    assert (filed.kind, filed.remarks, filed.confirmations) == (
        "ftp",
        "夜間に更新",
        ["guidance_read"],
    )


def test_a_second_open_request_of_the_same_kind_is_not_offered(client, seller_user) -> None:
    first = access_request(seller_user.seller, user=seller_user)
    page = client.get(reverse("portal:api_key_request")).content.decode()
    assert "同じ種類の処理中の申請があります" in page
    client.post(reverse("portal:api_key_request"), api_form())
    assert AccessRequest.objects.get() == first


def test_answering_and_withdrawing_from_the_request_page(client, seller_user) -> None:
    from sellergate.access.services import request_ask
    from sellergate.core.actors import Actor

    filed = access_request(seller_user.seller, user=seller_user)
    request_ask(actor=Actor.system("desk"), request=filed, message="担当者を教えてください")
    page = client.get(reverse("portal:request_detail", args=[filed.pk])).content.decode()
    assert "担当者を教えてください" in page
    assert "担当窓口への回答" in page
    client.post(reverse("portal:request_answer", args=[filed.pk]), {"message": "山田です"})
    filed.refresh_from_db()
    assert filed.status == RequestStatus.SUBMITTED
    client.post(reverse("portal:request_withdraw", args=[filed.pk]))
    filed.refresh_from_db()
    assert filed.status == RequestStatus.SUBMITTED  # asked first
    client.post(reverse("portal:request_withdraw", args=[filed.pk]), {"confirmed": "yes"})
    filed.refresh_from_db()
    assert filed.status == RequestStatus.WITHDRAWN


def test_the_faq_says_it_is_free_and_where_the_conditions_are(client, seller_user) -> None:
    page = client.get(reverse("portal:faq")).content.decode()
    assert "無料で行っております" in page
    assert reverse("portal:home") in page
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "free of charge" in client.get(reverse("portal:faq")).content.decode()


def test_an_empty_answer_is_refused_with_a_message(client, seller_user) -> None:
    from sellergate.access.services import request_ask
    from sellergate.core.actors import Actor

    filed = access_request(seller_user.seller, user=seller_user)
    request_ask(actor=Actor.system("desk"), request=filed, message="担当者を教えてください")
    response = client.post(
        reverse("portal:request_answer", args=[filed.pk]), {"message": ""}, follow=True
    )
    assert "担当窓口からの質問への回答を記入してください" in response.content.decode()
    filed.refresh_from_db()
    assert filed.status == RequestStatus.NEEDS_INFO


def test_errors_are_summed_up_at_the_top_linked_to_their_fields(client, seller_user) -> None:
    page = client.post(
        reverse("portal:api_key_request"), api_form(purpose="テスト", integrator_name="")
    ).content.decode()
    opening = re.search(r'<div class="error-summary"[^>]*>', page).group(0)
    assert "autofocus" in opening
    summary = page.split(opening, 1)[1].split("</div>", 1)[0]
    assert "2件の項目を修正してください" in summary
    assert 'href="#id_purpose"' in summary
    assert 'href="#id_integrator_name"' in summary
    assert page.index(opening) < page.index('id="id_purpose"')
    purpose = re.search(r'<[^>]*id="id_purpose"[^>]*>', page).group(0)
    assert 'aria-invalid="true"' in purpose


def test_each_form_names_the_integrator_field_as_its_label_does(client, seller_user) -> None:
    api = client.post(
        reverse("portal:api_key_request"), api_form(integrator_name="")
    ).content.decode()
    assert "API連動会社名を入力してください" in api
    ftp = client.post(
        reverse("portal:ftp_application"),
        {"purpose": API_PURPOSE, "integrator_name": "なし", "guidance_read": "on"},
    ).content.decode()
    assert "連動クライアント（会社）名を入力してください" in ftp
    assert "API連動会社名" not in ftp


def test_what_is_granted_already_is_offered_instead_of_a_request(client) -> None:
    from tests.factories import SellerUserFactory, granted_seller

    user = SellerUserFactory(seller=granted_seller())
    client.force_login(user)
    home = client.get(reverse("portal:home")).content.decode()
    assert reverse("portal:api_key_request") not in home
    assert reverse("portal:api_keys") in home.split('id="standing"', 1)[1]
    page = client.get(reverse("portal:api_key_request")).content.decode()
    assert 'id="already-granted"' in page
    assert f'href="{reverse("portal:api_keys")}"' in page.split('id="already-granted"', 1)[1]
    assert '<form method="post" class="card request-form"' not in page
    assert reverse("portal:ftp_application") in home  # not granted: still offered
