"""Every code of the documented table is answered where it says, with HTTP 200."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from sellergate.core.actors import Actor
from sellergate.credentials import api_keys, cache, suspension
from sellergate.credentials.models import ApiKey
from sellergate.qapi.codes import TABLE, Error, Result
from sellergate.qapi.models import SellerRateLimit
from tests.factories import ProductFactory
from tests.qapi.client import QapiClient, django_transport
from tests.qapi.conftest import sak_for

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")


@pytest.fixture
def api(client) -> QapiClient:
    return QapiClient(django_transport(client))


def certify(api: QapiClient, shop, key: str | None = None) -> dict:
    """CreateCertificationKey with the shop's log-in and its API key (or ``key``)."""
    return api.call(
        "CertificationAPI.CreateCertificationKey",
        key or shop.api_key,
        user_id=shop.username,
        pwd=shop.password,
    )


def error_code(answer: dict) -> int:
    assert set(answer) == {"ErrorCode", "ErrorMsg"}, answer
    return answer["ErrorCode"]


def result_code(answer: dict) -> int:
    assert set(answer) == {"ResultCode", "ResultMsg", "ResultObject"}, answer
    return answer["ResultCode"]


def test_the_table_lists_each_code_once_and_every_enum_member_is_in_it() -> None:
    numbers = [doc.code for doc in TABLE]
    assert len(numbers) == len(set(numbers))
    assert set(numbers) == {int(c) for c in Result} | {int(c) for c in Error}


def test_routing_errors(api, shop) -> None:
    sak = sak_for(api, shop)
    unknown_service = api.call("NoSuchService.Anything", sak)
    assert error_code(unknown_service) == Error.UNKNOWN_SERVICE
    assert unknown_service["ErrorMsg"] == "Can't find service Name NoSuchService"
    unknown_method = api.call("ItemsLookup.NoSuchMethod", sak)
    assert error_code(unknown_method) == Error.UNKNOWN_METHOD
    assert unknown_method["ErrorMsg"] == "Can't find method Info NoSuchMethod"
    assert error_code(api.call("ItemsLookup.GetAllGoodsInfo", sak, "9.9")) == (
        Error.UNSUPPORTED_VERSION
    )
    # Method names are matched without case, as clients spell _V2 and _v2 both ways.
    assert result_code(api.call("shippingbasic.getshippinginfo_V2", sak, ShippingStat=1)) == 0


def test_key_errors(api, shop) -> None:
    assert error_code(api.call("ItemsLookup.GetAllGoodsInfo", "")) == Error.KEY_MISSING
    assert error_code(api.call("ItemsLookup.GetAllGoodsInfo", "not-a-key")) == Error.INVALID_KEY
    mistyped = shop.api_key[:-1] + ("A" if shop.api_key[-1] != "A" else "B")
    assert error_code(certify(api, shop, mistyped)) == Error.INVALID_KEY
    # The API key is not a seller authorization key.
    assert error_code(api.call("ItemsLookup.GetAllGoodsInfo", shop.api_key)) == Error.SAK_REQUIRED


def test_wrong_password_and_unknown_user_answer_alike(api, shop) -> None:
    wrong = api.call(
        "CertificationAPI.CreateCertificationKey", shop.api_key, user_id=shop.username, pwd="wrong"
    )
    nobody = api.call(
        "CertificationAPI.CreateCertificationKey", shop.api_key, user_id="nobody", pwd=shop.password
    )
    assert result_code(wrong) == result_code(nobody) == Result.LOGIN_FAILED
    assert wrong["ResultMsg"] == nobody["ResultMsg"]


def test_revoked_suspended_and_password_changed(
    api, shop, django_capture_on_commit_callbacks
) -> None:
    sak = sak_for(api, shop)
    user = get_user_model().objects.get(username=shop.username)
    user.set_password("a-new-password-2026")
    user.save()
    assert error_code(api.call("ItemsLookup.GetAllGoodsInfo", sak)) == Error.SAK_PASSWORD_CHANGED

    shop.password = "a-new-password-2026"
    sak = sak_for(api, shop)
    # Credential changes reach the verification cache after commit, as in production.
    with django_capture_on_commit_callbacks(execute=True):
        suspension.credentials_suspend(actor=ACTOR, seller=shop.seller, reason="テスト")
    assert error_code(api.call("ItemsLookup.GetAllGoodsInfo", sak)) == Error.SELLER_SUSPENDED
    with django_capture_on_commit_callbacks(execute=True):
        suspension.credentials_resume(actor=ACTOR, seller=shop.seller, reason="テスト")
    assert result_code(api.call("ItemsLookup.GetAllGoodsInfo", sak)) == 0

    with django_capture_on_commit_callbacks(execute=True):
        api_keys.api_key_revoke(
            actor=ACTOR, key=ApiKey.objects.get(seller=shop.seller), reason="テスト"
        )
    assert error_code(api.call("ItemsLookup.GetAllGoodsInfo", sak)) == Error.KEY_REVOKED
    assert error_code(certify(api, shop)) == Error.KEY_REVOKED


def test_expired_and_network(api, shop, django_capture_on_commit_callbacks) -> None:
    key = ApiKey.objects.get(seller=shop.seller)
    key.allowed_networks = ["192.0.2.0/24"]
    key.save()
    with django_capture_on_commit_callbacks(execute=True):
        cache.invalidate_after_commit()  # as the services do after a change
    assert error_code(certify(api, shop)) == (Error.ADDRESS_NOT_ALLOWED)
    key.allowed_networks = []
    key.expires_at = key.created_at
    key.save()
    with django_capture_on_commit_callbacks(execute=True):
        cache.invalidate_after_commit()
    assert error_code(certify(api, shop)) == Error.KEY_EXPIRED


def test_business_errors_name_the_parameter(api, shop) -> None:
    sak = sak_for(api, shop)
    missing = api.call(
        "ItemsBasic.SetNewGoods", sak, "1.1", ItemTitle="x", SellerCode="A", ItemPrice=1, ItemQty=1
    )
    assert result_code(missing) == Result.REQUIRED
    assert missing["ResultMsg"] == "SecondSubCatは必須です。"
    invalid = api.call(
        "ItemsBasic.SetNewGoods",
        sak,
        "1.1",
        SecondSubCat=shop.category.code,
        ItemTitle="x",
        SellerCode="A",
        ItemPrice="千円",
        ItemQty=1,
    )
    assert result_code(invalid) == Result.INVALID
    assert "ItemPrice" in invalid["ResultMsg"]
    no_category = api.call(
        "ItemsBasic.SetNewGoods",
        sak,
        "1.1",
        SecondSubCat="999",
        ItemTitle="x",
        SellerCode="A",
        ItemPrice=1,
        ItemQty=1,
    )
    assert result_code(no_category) == Result.INVALID
    assert no_category["ResultMsg"].startswith("SecondSubCat")
    assert result_code(api.call("ItemsLookup.GetItemDetailInfo", sak, ItemCode="1")) == (
        Result.NOT_FOUND
    )
    ProductFactory(seller=shop.seller, seller_code="TAKEN", category=shop.category)
    duplicate = api.call(
        "ItemsBasic.SetNewGoods",
        sak,
        "1.1",
        SecondSubCat=shop.category.code,
        ItemTitle="x",
        SellerCode="TAKEN",
        ItemPrice=1,
        ItemQty=1,
    )
    assert result_code(duplicate) == Result.DUPLICATE
    assert duplicate["ResultMsg"].startswith("SellerCode")


def test_state_error(api, shop) -> None:
    from tests.factories import OrderFactory

    sak = sak_for(api, shop)
    order = OrderFactory(seller=shop.seller, cancelled_at=shop.seller.created_at)
    answer = api.call(
        "ShippingBasic.SetSendingInfo",
        sak,
        OrderNo=order.order_no,
        ShippingCorp="佐川急便",
        TrackingNo="1",
    )
    assert result_code(answer) == Result.STATE
    assert answer["ResultMsg"].startswith("OrderNo")


def test_rate_limit(api, shop) -> None:
    SellerRateLimit.objects.create(seller=shop.seller, per_second=1, burst=3)
    sak = sak_for(api, shop)  # one call of the three
    answers = [api.call("ItemsLookup.GetAllGoodsInfo", sak) for _ in range(4)]
    codes = [a.get("ResultCode", a.get("ErrorCode")) for a in answers]
    assert codes[:2] == [0, 0]
    assert codes[2:] == [Error.RATE_LIMITED, Error.RATE_LIMITED]
    assert set(api.statuses) == {200}


def test_an_internal_error_is_answered_in_the_envelope(api, shop, monkeypatch) -> None:
    from sellergate.qapi.registry import METHODS

    sak = sak_for(api, shop)
    entry = METHODS["itemslookup.getallgoodsinfo"]

    def broken(call):
        raise RuntimeError("boom")

    monkeypatch.setitem(
        METHODS, "itemslookup.getallgoodsinfo", type(entry)(**{**entry.__dict__, "handler": broken})
    )
    answer = api.call("ItemsLookup.GetAllGoodsInfo", sak)
    assert error_code(answer) == Error.INTERNAL
    assert "boom" not in answer["ErrorMsg"]


QAPI = "/GMKT.INC.Front.QAPIService/ebayjapan.qapi"


def test_a_multipart_body_is_refused_before_it_is_read_or_the_key_checked(client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        f"{QAPI}?method=ItemsLookup.GetAllGoodsInfo&key=not-a-key",
        {"file": SimpleUploadedFile("big.bin", b"x" * 3_000_000)},
    )
    assert response.status_code == 200
    assert error_code(response.json()) == Error.BAD_BODY  # not INVALID_KEY: nothing was read


def test_a_body_over_the_limit_is_refused_in_the_envelope(client, settings) -> None:
    settings.API_MAX_BODY_BYTES = 2048
    body = "method=ItemsLookup.GetAllGoodsInfo&key=x&lang=en&ItemInfoJson=" + "a" * 5000
    response = client.post(
        f"{QAPI}?lang=en", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    answer = response.json()
    assert error_code(answer) == Error.BAD_BODY
    assert "2048" in answer["ErrorMsg"]


def test_too_many_fields_are_refused_in_the_envelope(client) -> None:
    body = "&".join(f"f{n}=1" for n in range(6000))
    response = client.post(QAPI, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert "<html" not in response.content.decode().lower()
    assert error_code(response.json()) == Error.BAD_BODY
