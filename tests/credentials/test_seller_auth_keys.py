"""Seller authorization keys: an API key plus a seller user's log-in, voided by a password
change or the API key's revocation."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from sellergate.core.actors import Actor
from sellergate.credentials import api_keys, seller_auth_keys
from sellergate.credentials.errors import CredentialError, KeyRejected
from sellergate.credentials.verification import verify_seller_auth_key
from tests.factories import PASSWORD, SellerUserFactory, granted_seller

pytestmark = pytest.mark.django_db

ACTOR = Actor.system("test")


@pytest.fixture
def setup():
    seller = granted_seller()
    user = SellerUserFactory(seller=seller)
    key, token = api_keys.api_key_create(actor=ACTOR, seller=seller, name="連携")
    return seller, user, key, token


def rejected(token: str, **kwargs) -> str:
    with pytest.raises(KeyRejected) as raised:
        verify_seller_auth_key(token, **kwargs)
    return raised.value.reason


def test_a_sak_is_issued_for_the_key_and_log_in_and_lasts_a_year(setup) -> None:
    seller, user, key, token = setup
    sak, sak_token = seller_auth_keys.sak_issue(
        api_key_token=token, login_id=user.username, password=PASSWORD
    )
    assert sak_token.startswith("sgs_")
    verified = verify_seller_auth_key(sak_token)
    assert (verified.seller_id, verified.user_id, verified.api_key_id) == (
        seller.pk,
        user.pk,
        key.pk,
    )
    assert abs((sak.expires_at - timezone.now()) - dt.timedelta(days=365)) < dt.timedelta(minutes=1)
    assert rejected(sak_token, now=sak.expires_at) == "expired"


def test_wrong_password_and_unknown_user_get_the_same_answer(setup) -> None:
    _seller, user, _key, token = setup
    with pytest.raises(CredentialError) as wrong_password:
        seller_auth_keys.sak_issue(api_key_token=token, login_id=user.username, password="nope")
    with pytest.raises(CredentialError) as unknown_user:
        seller_auth_keys.sak_issue(api_key_token=token, login_id="nobody", password=PASSWORD)
    assert wrong_password.value.message == unknown_user.value.message


def test_another_sellers_user_cannot_use_this_key(setup) -> None:
    _seller, _user, _key, token = setup
    stranger = SellerUserFactory()
    with pytest.raises(CredentialError):
        seller_auth_keys.sak_issue(
            api_key_token=token, login_id=stranger.username, password=PASSWORD
        )


def test_a_revoked_api_key_gives_no_sak(setup, django_capture_on_commit_callbacks) -> None:
    _seller, user, key, token = setup
    with django_capture_on_commit_callbacks(execute=True):
        api_keys.api_key_revoke(actor=ACTOR, key=key)
    with pytest.raises(KeyRejected):
        seller_auth_keys.sak_issue(api_key_token=token, login_id=user.username, password=PASSWORD)


def test_revoking_the_api_key_voids_its_saks(setup, django_capture_on_commit_callbacks) -> None:
    _seller, user, key, token = setup
    _sak, sak_token = seller_auth_keys.sak_issue(
        api_key_token=token, login_id=user.username, password=PASSWORD
    )
    verify_seller_auth_key(sak_token)
    with django_capture_on_commit_callbacks(execute=True):
        api_keys.api_key_revoke(actor=ACTOR, key=key)
    assert rejected(sak_token) == "revoked"


def test_a_password_change_voids_the_sak(setup, django_capture_on_commit_callbacks) -> None:
    _seller, user, _key, token = setup
    _sak, sak_token = seller_auth_keys.sak_issue(
        api_key_token=token, login_id=user.username, password=PASSWORD
    )
    verify_seller_auth_key(sak_token)
    with django_capture_on_commit_callbacks(execute=True):
        user.set_password("a-brand-new-password-2026")
        user.save()
    assert rejected(sak_token) == "password_changed"


def test_a_malformed_sak_is_refused_without_a_query(setup, django_assert_num_queries) -> None:
    with django_assert_num_queries(0):
        assert rejected("sgs_" + "A" * 50) == "bad_checksum"
