"""Log-ins are throttled per user ID and per address, on both faces and the API: a
locked log-in is refused before the password is hashed, and locks decay and lift."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher

from sellergate.accounts.models import LoginThrottle
from sellergate.accounts.throttle import login_failed, login_locked_until, login_unlock
from sellergate.audit.models import AuditEvent
from sellergate.core.actors import Actor
from tests.factories import PASSWORD, OperatorFactory, SellerUserFactory

pytestmark = pytest.mark.django_db

FACES = {
    "seller": ("/seller/login/", SellerUserFactory),
    "desk": ("/desk/login/", OperatorFactory),
}


def log_in(client, url: str, username: str, password: str, address: str = "203.0.113.5"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.fixture
def hashes(monkeypatch) -> list[str]:
    """Every password the hasher checks (the tests use Django's MD5 hasher)."""
    checked: list[str] = []
    verify = MD5PasswordHasher.verify

    def counted(self, password, encoded):
        checked.append(password)
        return verify(self, password, encoded)

    monkeypatch.setattr(MD5PasswordHasher, "verify", counted)
    return checked


@pytest.mark.parametrize("face", FACES)
def test_a_user_id_is_locked_after_the_threshold_and_refused_without_hashing(
    client, settings, hashes, face
) -> None:
    settings.LOGIN_LOCK_THRESHOLD = 5
    url, factory = FACES[face]
    user = factory()
    for _ in range(5):
        assert log_in(client, url, user.username, "guess").status_code == 200
    hashes.clear()
    page = log_in(client, url, user.username, PASSWORD)  # the right password, too late
    assert page.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "ロック" in page.content.decode()
    assert hashes == []  # refused before the hasher
    assert AuditEvent.objects.filter(action="login.lock").count() == 1


def test_an_address_trying_many_user_ids_is_locked(client, settings) -> None:
    settings.LOGIN_ADDRESS_LOCK_THRESHOLD = 6
    user = SellerUserFactory()
    for n in range(6):
        log_in(client, "/seller/login/", f"someone-{n}", "guess")
    log_in(client, "/seller/login/", user.username, PASSWORD)
    assert "_auth_user_id" not in client.session
    log_in(client, "/seller/login/", user.username, PASSWORD, address="198.51.100.7")
    assert client.session["_auth_user_id"] == str(user.pk)  # from elsewhere: fine


def test_occasional_mistakes_decay_and_never_lock(settings) -> None:
    from django.utils import timezone

    settings.LOGIN_LOCK_THRESHOLD = 3
    settings.LOGIN_WINDOW_SECONDS = 30  # a point forgotten every 10 s
    start = timezone.now()
    for n in range(20):
        login_failed("shop-a", None, now=start + dt.timedelta(seconds=11 * n))
    assert login_locked_until("shop-a", None, now=start + dt.timedelta(seconds=220)) is None


def test_locks_grow_and_an_operator_lifts_them(settings) -> None:
    from django.utils import timezone

    settings.LOGIN_LOCK_THRESHOLD = 2
    settings.LOGIN_LOCK_SECONDS = 60
    now = timezone.now()
    login_failed("shop-b", None, now=now)
    login_failed("shop-b", None, now=now)
    first = login_locked_until("shop-b", None, now=now)
    assert first == now + dt.timedelta(seconds=60)
    login_unlock(actor=Actor.system("desk"), subject="user:shop-b")
    assert login_locked_until("shop-b", None, now=now) is None
    login_failed("shop-b", None, now=now)
    login_failed("shop-b", None, now=now)
    assert login_locked_until("shop-b", None, now=now) == now + dt.timedelta(seconds=90)
    assert LoginThrottle.objects.get(subject="user:shop-b").locks == 2


def test_the_api_certification_is_throttled_too(client, settings) -> None:
    from tests.qapi.client import QapiClient, django_transport
    from tests.qapi.conftest import make_api_seller

    settings.LOGIN_LOCK_THRESHOLD = 4
    shop = make_api_seller("shop-throttle")
    api = QapiClient(django_transport(client))

    def certify(password: str) -> dict:
        return api.call(
            "CertificationAPI.CreateCertificationKey",
            shop.api_key,
            user_id=shop.username,
            pwd=password,
        )

    for _ in range(4):
        assert certify("guess")["ResultCode"] != 0
    locked = certify(shop.password)
    assert locked["ResultCode"] != 0
    assert "ロック" in locked["ResultMsg"]
