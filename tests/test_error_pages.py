"""Error pages in the site's layout, Japanese first, saying what to do."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from sellergate import error_pages
from tests.factories import OperatorFactory, SellerFactory, SellerUserFactory

pytestmark = pytest.mark.django_db


def test_a_post_only_address_opened_directly_says_why(client) -> None:
    client.force_login(SellerUserFactory())
    response = client.get(reverse("portal:api_key_create"))
    page = response.content.decode()
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "このページは直接開けません" in page
    assert 'class="topbar"' in page  # the seller center's layout
    assert 'href="/seller/"' in page


def test_an_unknown_address_is_a_page_in_the_layout_of_its_face(client) -> None:
    response = client.get("/seller/no-such-page/")
    assert response.status_code == 404
    assert "このページはありません" in response.content.decode()
    client.cookies["django_language"] = "en"
    desk = client.get("/desk/no-such-page/").content.decode()
    assert "This page does not exist" in desk
    assert 'href="/desk/"' in desk


def test_a_page_without_permission_is_a_page_not_a_bare_403(client) -> None:
    seller = SellerFactory()
    client.force_login(OperatorFactory())  # staff, in no group
    response = client.get(f"/desk/admin/sellers/seller/{seller.pk}/change/")
    assert response.status_code == 403
    assert "このページを開く権限がありません" in response.content.decode()


def test_a_csrf_failure_says_what_to_do_and_nothing_of_debug() -> None:
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(reverse("portal:login"), {"username": "x", "password": "y"})
    page = response.content.decode()
    assert response.status_code == 403
    assert "フォームを送信できませんでした" in page
    assert "DEBUG" not in page


def test_the_500_page_needs_nothing_of_the_request() -> None:
    response = error_pages.server_error(RequestFactory().get("/seller/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert page.index("エラーが発生しました") < page.index("Something went wrong")
