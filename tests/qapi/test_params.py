"""Parameters: names without case, aliases, empty as absent, values parsed or refused
with the parameter's name."""

from __future__ import annotations

import datetime as dt

import pytest

from sellergate.qapi.codes import Result
from sellergate.qapi.params import Param, ParamError, parse

PARAMS = (
    Param("ItemQty", type="int", minimum=0, maximum=9999),
    Param("ModelNM", max_length=5, aliases=("ModelNm",)),
    Param("EstShipDt", type="date"),
    Param("search_Sdate", type="datetime"),
    Param("AdultYN", type="yn"),
    Param("Status", type="choice", choices=("1", "2")),
    Param("SellerCode", required=True),
)


def given(**values: str) -> dict[str, str]:
    return {"sellercode": "A-1", **{k.lower(): v for k, v in values.items()}}


def test_values_are_parsed() -> None:
    parsed = parse(
        PARAMS,
        given(
            ItemQty="1,200",
            modelnm="AB",
            EstShipDt="20261201",
            search_Sdate="20261201093000",
            AdultYN="y",
            Status="2",
        ),
    )
    assert parsed == {
        "ItemQty": 1200,
        "ModelNM": "AB",
        "EstShipDt": dt.date(2026, 12, 1),
        "search_Sdate": parsed["search_Sdate"],
        "AdultYN": True,
        "Status": "2",
        "SellerCode": "A-1",
    }
    assert parsed["search_Sdate"].hour == 9
    assert parsed["search_Sdate"].utcoffset() == dt.timedelta(hours=9)  # Japan time


def test_an_alias_and_empty_values() -> None:
    assert parse(PARAMS, given(ModelNm="XY"))["ModelNM"] == "XY"
    assert "ItemQty" not in parse(PARAMS, given(ItemQty=""))


@pytest.mark.parametrize(
    ("values", "code", "name"),
    [
        ({"sellercode": ""}, Result.REQUIRED, "SellerCode"),
        ({"itemqty": "10000"}, Result.INVALID, "ItemQty"),
        ({"itemqty": "-1"}, Result.INVALID, "ItemQty"),
        ({"itemqty": "ten"}, Result.INVALID, "ItemQty"),
        ({"modelnm": "ABCDEF"}, Result.INVALID, "ModelNM"),
        ({"modelnm": "A\x07"}, Result.INVALID, "ModelNM"),
        ({"estshipdt": "2026-02-30"}, Result.INVALID, "EstShipDt"),
        ({"search_sdate": "yesterday"}, Result.INVALID, "search_Sdate"),
        ({"adultyn": "maybe"}, Result.INVALID, "AdultYN"),
        ({"status": "3"}, Result.INVALID, "Status"),
    ],
)
def test_a_refusal_names_the_parameter(values, code, name) -> None:
    with pytest.raises(ParamError) as raised:
        parse(PARAMS, {"sellercode": "A-1", **values})
    assert raised.value.code == code
    assert raised.value.message.startswith(name)
