"""No page sends a person back to a URL that only takes POST: not the language switcher
on a page a POST answered (a new key shown once), not the log-in after a session ran out
on a POST button."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.factories import SellerUserFactory, granted_seller

pytestmark = pytest.mark.django_db

HOST = "http://testserver"


def language_next(page: str) -> str:
    form = page.split('class="language"', 1)[1]
    return re.search(r'name="next" type="hidden" value="([^"]*)"', form).group(1)


@pytest.fixture
def seller_user(client):
    user = SellerUserFactory(seller=granted_seller())
    client.force_login(user)
    return user


def test_switching_language_on_a_new_key_page_lands_on_a_page_that_answers(
    client, seller_user
) -> None:
    keys = reverse("portal:api_keys")
    client.get(keys)
    nonce = client.session["credential_form_nonce"]
    shown = client.post(
        reverse("portal:api_key_create"),
        {"name": "受注システム", "nonce": nonce},
        headers={"Referer": f"{HOST}{keys}"},
    )
    page = shown.content.decode()
    assert language_next(page) == keys
    assert "言語を切り替えるとこのページを離れます" in page
    switched = client.post(reverse("set_language"), {"language": "en", "next": language_next(page)})
    assert switched.status_code == 302
    assert switched["Location"] == keys
    assert client.get(keys).status_code == 200


def test_a_post_page_without_a_referer_returns_to_its_faces_home(client, seller_user) -> None:
    client.get(reverse("portal:api_keys"))
    nonce = client.session["credential_form_nonce"]
    page = client.post(
        reverse("portal:api_key_create"), {"name": "受注", "nonce": nonce}
    ).content.decode()
    assert language_next(page) == "/seller/"
    # A Referer of another site is not followed.
    client.get(reverse("portal:api_keys"))
    nonce = client.session["credential_form_nonce"]
    page = client.post(
        reverse("portal:api_key_create"),
        {"name": "受注2", "nonce": nonce},
        headers={"Referer": "https://evil.example/seller/api-keys/"},
    ).content.decode()
    assert language_next(page) == "/seller/"


def test_a_get_page_returns_to_itself(client, seller_user) -> None:
    page = client.get(reverse("portal:request_list") + "?page=2").content.decode()
    assert language_next(page) == "/seller/requests/?page=2"


def test_a_post_after_the_session_ran_out_logs_in_back_to_the_page_with_the_button(
    client,
) -> None:
    keys = reverse("portal:api_keys")
    answer = client.post(
        reverse("portal:ftp_password_reset"), {}, headers={"Referer": f"{HOST}{keys}"}
    )
    assert answer.status_code == 302
    assert answer["Location"] == f"{reverse('portal:login')}?next={keys}"
