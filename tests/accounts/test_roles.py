"""Operators and sellers are separate roles with separate log-ins."""

from __future__ import annotations

import pytest
from django.db import IntegrityError
from django.urls import reverse

from tests.factories import PASSWORD, OperatorFactory, SellerFactory, SellerUserFactory

pytestmark = pytest.mark.django_db

DESK_PAGES = ["/desk/", "/desk/admin/", "/desk/admin/sellers/seller/"]


def test_a_user_cannot_be_both_operator_and_seller() -> None:
    with pytest.raises(IntegrityError):
        OperatorFactory(seller=SellerFactory())


def test_seller_log_in_admits_a_sellers_user(client) -> None:
    user = SellerUserFactory()
    response = client.post(
        reverse("portal:login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("portal:home")


def test_seller_log_in_refuses_an_operator(client) -> None:
    operator = OperatorFactory()
    response = client.post(
        reverse("portal:login"), {"username": operator.username, "password": PASSWORD}
    )
    assert response.status_code == 200
    assert "運営担当者はオペレーターデスク" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_desk_log_in_refuses_a_sellers_user(client) -> None:
    user = SellerUserFactory()
    response = client.post(reverse("desk:login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 200
    assert "販売者様はセラーセンター" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(client) -> None:
    user = SellerUserFactory()
    response = client.post(
        reverse("portal:login"), {"username": user.username, "password": "wrong"}
    )
    unknown = client.post(reverse("portal:login"), {"username": "nobody", "password": "wrong"})
    assert response.status_code == unknown.status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("path", DESK_PAGES)
def test_a_seller_never_reaches_the_operator_desk(client, path) -> None:
    client.force_login(SellerUserFactory())
    response = client.get(path)
    assert response.status_code == 302
    assert "/login/" in response.url


@pytest.mark.parametrize("path", DESK_PAGES)
def test_an_operator_reaches_the_operator_desk(client, path) -> None:
    client.force_login(OperatorFactory(is_superuser=True))
    assert client.get(path).status_code == 200


def test_an_operator_does_not_use_the_seller_center(client) -> None:
    client.force_login(OperatorFactory())
    response = client.get(reverse("portal:home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("portal:login"))


def test_a_deactivated_sellers_user_is_shut_out(client) -> None:
    user = SellerUserFactory()
    client.force_login(user)
    user.is_active = False
    user.save()
    assert client.get(reverse("portal:home")).status_code == 302


def test_anonymous_visitors_are_sent_to_the_log_in_of_the_face_they_asked_for(client) -> None:
    assert client.get("/seller/").url.startswith("/seller/login/")
    assert client.get("/desk/").url.startswith("/desk/login/")


def test_a_failed_log_in_names_the_field_as_it_is_labelled_and_log_out_is_said(client) -> None:
    from django.urls import reverse

    from tests.factories import PASSWORD, SellerUserFactory

    wrong = client.post(reverse("portal:login"), {"username": "nobody", "password": "x"})
    page = wrong.content.decode()
    assert "正しいユーザーIDとパスワードを入力してください" in page
    assert "ユーザー名" not in page
    user = SellerUserFactory()
    client.post(reverse("portal:login"), {"username": user.username, "password": PASSWORD})
    out = client.post(reverse("portal:logout"), follow=True).content.decode()
    assert "ログアウトしました" in out
