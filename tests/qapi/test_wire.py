"""The wire as real clients use it (../shared/qapi/README.md): versions, Japan time,
an envelope for every path under the prefix, oversized JSON refused by name."""

from __future__ import annotations

import datetime as dt
import json
import logging
from zoneinfo import ZoneInfo

import pytest

from sellergate.qapi.codes import Error, Result
from tests.factories import OrderFactory
from tests.qapi.client import ENDPOINT
from tests.qapi.conftest import sak_for

pytestmark = pytest.mark.django_db

JST = ZoneInfo("Asia/Tokyo")


def error_code(answer: dict) -> int | None:
    return answer.get("ErrorCode")


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2", "1.5", "1.10", ""])
@pytest.mark.parametrize(
    "method", ["ItemsLookup.GetAllGoodsInfo", "ItemsLookup.GetItemDetailInfo"]
)  # the guide lists them as 1.0 and 1.2
def test_any_1x_version_and_none_are_answered_alike(api, shop, method, version) -> None:
    sak = sak_for(api, shop)
    answer = api.call(method, sak, version, ItemStatus="S2", ItemCode="1000000001")
    assert error_code(answer) is None, answer  # answered by the method itself
    assert "ResultCode" in answer


@pytest.mark.parametrize("version", ["9.9", "2.0", "abc", "1.", "1.0.0.0", "１.０"])  # noqa: RUF001
def test_what_is_not_a_qapi_version_is_refused_saying_what_to_send(api, shop, version) -> None:
    answer = api.call("ItemsLookup.GetAllGoodsInfo", sak_for(api, shop), version, ItemStatus="S2")
    assert error_code(answer) == Error.UNSUPPORTED_VERSION
    assert "1.x" in answer["ErrorMsg"]
    assert "1.0, 1.0" not in answer["ErrorMsg"]


def test_dates_are_answered_and_searched_in_japan_time(api, shop) -> None:
    placed = dt.datetime(2026, 11, 27, 10, 0, tzinfo=JST)  # 01:00 UTC
    OrderFactory(seller=shop.seller, order_no="7001", ordered_at=placed)
    sak = sak_for(api, shop)
    rows = api.ok(
        "ShippingBasic.GetShippingInfo_v2",
        sak,
        ShippingStat=2,
        search_condition=1,
        search_Sdate="20261127095900",
        search_Edate="20261127100100",
    )
    rows = rows if isinstance(rows, list) else [rows]
    assert [str(row["orderNo"]) for row in rows] == ["7001"]
    assert rows[0]["orderDate"] == "2026-11-27 10:00:00"
    # The same window in UTC's wall clock finds nothing: parameters are Japan time too.
    assert not api.ok(
        "ShippingBasic.GetShippingInfo_v2",
        sak,
        ShippingStat=2,
        search_condition=1,
        search_Sdate="20261127005900",
        search_Edate="20261127010100",
    )


@pytest.mark.parametrize(
    ("http", "suffix", "code"),
    [
        ("get", "/", Error.UNKNOWN_SERVICE),
        ("get", "/ItemsLookup.GetAllGoodsInfo/", Error.KEY_MISSING),
        ("get", "/ItemsLookup%2FGetAllGoodsInfo", Error.UNKNOWN_SERVICE),
        ("get", "/ItemsLookup/GetAllGoodsInfo", Error.UNKNOWN_SERVICE),
        ("get", "/ItemsLookup.NoSuchMethod", Error.UNKNOWN_METHOD),
        ("post", "/No.Such", Error.UNKNOWN_SERVICE),
        ("put", "/ItemsLookup.GetAllGoodsInfo", Error.BAD_HTTP_METHOD),
        ("delete", "", Error.BAD_HTTP_METHOD),
        ("patch", "/ItemsLookup.GetAllGoodsInfo", Error.BAD_HTTP_METHOD),
        ("options", "", Error.BAD_HTTP_METHOD),
    ],
)
@pytest.mark.parametrize("return_type", ["json", "xml"])
def test_every_path_under_the_prefix_answers_an_envelope(
    client, http, suffix, code, return_type
) -> None:
    url = f"{ENDPOINT}{suffix}?returnType={return_type}"
    form = "application/x-www-form-urlencoded"  # as every QAPI client sends a body
    response = getattr(client, http)(url, "", content_type=form)
    assert response.status_code == 200
    body = response.content.decode()
    if return_type == "json":
        assert response["Content-Type"].startswith("application/json")
        assert json.loads(body)["ErrorCode"] == code
    else:
        assert response["Content-Type"].startswith("text/xml")
        assert f"<ErrorCode>{int(code)}</ErrorCode>" in body
    assert "<html" not in body.lower()


def test_a_refused_http_method_is_worded_in_the_callers_language(client) -> None:
    english = client.put(f"{ENDPOINT}?lang=en").json()
    japanese = client.put(ENDPOINT).json()
    assert english["ErrorCode"] == japanese["ErrorCode"] == Error.BAD_HTTP_METHOD
    assert "GET or POST" in english["ErrorMsg"]
    assert english["ErrorMsg"] != japanese["ErrorMsg"]


@pytest.mark.parametrize(
    ("payload", "says"),
    [
        ("[" * 5000 + "]" * 5000, "nested 5000 levels"),
        ('[{"ItemCode": [[[["x"]]]]}]', "nested 6 levels"),
        ("{" * 50 + "}" * 50, "nested 50 levels"),
        ('[{"ItemCode": "1"', "not JSON"),
        ('{"ItemCode": "1"}', "array of objects"),
        (json.dumps([{"ItemCode": "1", "Qty": 1}] * 501), "at most 500"),
    ],
)
def test_a_json_parameter_too_deep_or_too_long_is_refused_by_name(
    api, shop, caplog, payload, says
) -> None:
    caplog.set_level(logging.WARNING, logger="sellergate.api")
    answer = api.call(
        "ItemsOrder.SetGoodsPriceQtyBulk",
        sak_for(api, shop),
        "1.1",
        ItemInfoJson=payload,
        lang="en",
    )
    assert answer["ResultCode"] == Result.INVALID, answer
    assert answer["ResultMsg"].startswith("ItemInfoJson ")
    assert says in answer["ResultMsg"]
    assert "Traceback" not in caplog.text
    if "nested" in says:
        assert "ItemInfoJson nested" in caplog.text
