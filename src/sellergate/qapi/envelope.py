"""The two answer envelopes in JSON or XML, always with HTTP status 200.

XML: the envelope's fields are direct children of ``<QAPIResult>``; a dictionary becomes
child elements by key; a list becomes one element per entry, named after the list
without its final "s" (``Items`` → ``<Item>``) or ``<Row>`` otherwise.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import re
from typing import Any
from xml.etree import ElementTree as ET

from django.http import HttpResponse
from django.utils import timezone

from sellergate.qapi.params import JAPAN

JSON = "json"
XML = "xml"


def return_type(raw: str) -> str:
    """``json``, ``xml``, ``application/json``, ``text/xml``…; JSON unless XML is asked."""
    return XML if "xml" in raw.lower() else JSON


class PlainRows(list[dict[str, Any]]):
    """Rows a handler built of plain values only (text, numbers, booleans): answered as
    they are, without a walk through every value (thousands of order rows)."""


def _plain(value: Any) -> Any:
    if isinstance(value, PlainRows):
        return value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dt.datetime):
        # Japan's wall-clock time without an offset, as the marketplace answers (the
        # database hands back UTC).
        if timezone.is_aware(value):
            value = timezone.localtime(value, JAPAN)
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        # 20.000 → "20", 1.500 → "1.5" (normalize alone would write 20 as "2E+1")
        return str(int(value)) if value == value.to_integral() else format(value.normalize(), "f")
    return value


# Characters XML 1.0 cannot carry at all; an echoed bad input shows them as U+FFFD.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


#: What may name an XML element (letters of any script, digits after the first).
XML_NAME = re.compile(r"[^\W\d][\w.-]*")


def _element(parent: ET.Element, name: str, value: Any) -> None:
    if XML_NAME.fullmatch(name) is None:
        # A key no element may be named after (a number, a seller's text): never a
        # document no XML parser reads.
        node = ET.SubElement(parent, "Entry", {"key": XML_INVALID.sub("\ufffd", name)})
    else:
        node = ET.SubElement(parent, name)
    if isinstance(value, dict):
        for key, item in value.items():
            _element(node, key, item)
    elif isinstance(value, list):
        child = name[:-1] if name.endswith("s") and len(name) > 1 else "Row"
        for item in value:
            _element(node, child, item)
    elif value is None:
        pass
    elif isinstance(value, bool):
        node.text = "true" if value else "false"
    else:
        node.text = XML_INVALID.sub("\ufffd", str(value))


def render(body: dict[str, Any], kind: str) -> HttpResponse:
    plain = _plain(body)
    if kind == XML:
        root = ET.Element("QAPIResult")
        for key, value in plain.items():
            _element(root, key, value)
        content = ET.tostring(root, encoding="utf-8", xml_declaration=True)
        return HttpResponse(content, content_type="text/xml; charset=utf-8")
    return HttpResponse(
        json.dumps(plain, ensure_ascii=False, separators=(",", ":")),
        content_type="application/json; charset=utf-8",
    )


def result(code: int, message: str, obj: Any = None) -> dict[str, Any]:
    return {"ResultCode": int(code), "ResultMsg": message, "ResultObject": obj}


def error(code: int, message: str) -> dict[str, Any]:
    return {"ErrorCode": int(code), "ErrorMsg": message}
