"""The two envelopes in XML: fields as direct children of the root, lists as repeated
elements, and text XML cannot carry replaced rather than breaking the document."""

from __future__ import annotations

import datetime as dt
import decimal
import xml.etree.ElementTree as ET

from sellergate.qapi import envelope


def xml(body) -> ET.Element:
    response = envelope.render(body, envelope.XML)
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    return ET.fromstring(response.content)  # noqa: S314 - our own output


def test_result_fields_are_children_of_the_root() -> None:
    root = xml(
        envelope.result(
            0, "SUCCESS", {"Items": [{"ItemCode": "1"}, {"ItemCode": "2"}], "TotalItems": 2}
        )
    )
    assert [child.tag for child in root] == ["ResultCode", "ResultMsg", "ResultObject"]
    assert [item.findtext("ItemCode") for item in root.find("ResultObject/Items")] == ["1", "2"]
    assert root.find("ResultObject/Items")[0].tag == "Item"


def test_values_are_written_plainly() -> None:
    root = xml(
        envelope.result(
            0,
            "SUCCESS",
            {
                "When": dt.datetime(2026, 12, 1, 9, 30),
                "Day": dt.date(2026, 12, 1),
                "Weight": decimal.Decimal("1.500"),
                "Whole": decimal.Decimal("20.000"),
                "Yes": True,
                "Nothing": None,
                "Bad": "a\x01b",
            },
        )
    )
    values = {child.tag: child.text for child in root.find("ResultObject")}
    assert values == {
        "When": "2026-12-01 09:30:00",
        "Day": "2026-12-01",
        "Weight": "1.5",
        "Whole": "20",
        "Yes": "true",
        "Nothing": None,
        "Bad": "a\ufffdb",
    }


def test_json_keeps_japanese_as_it_is() -> None:
    response = envelope.render(envelope.error(-90001, "認証キーが正しくありません。"), "json")
    assert "認証キー".encode() in response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"


def test_return_type() -> None:
    assert envelope.return_type("text/xml") == envelope.XML
    assert envelope.return_type("XML") == envelope.XML
    assert envelope.return_type("application/json") == envelope.JSON
    assert envelope.return_type("") == envelope.JSON


def test_a_key_no_element_may_be_named_after_still_makes_well_formed_xml() -> None:
    import xml.etree.ElementTree as ET

    from sellergate.qapi.envelope import XML, render

    body = {"ResultCode": 0, "ResultObject": {"300000164": 50, "名入れ": 20, "a b": 1}}
    root = ET.fromstring(render(body, XML).content)  # noqa: S314 - our own output
    entries = {e.get("key"): e.text for e in root.iter("Entry")}
    assert entries == {"300000164": "50", "a b": "1"}
    assert root.find("ResultObject/名入れ").text == "20"
