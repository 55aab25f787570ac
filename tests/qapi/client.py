"""A marketplace API client written from the public wire format, as an integration
company's client would be — it knows nothing of sellergate's code.

Two calling styles (query: ``?method=…&key=…&v=…``; path + header: ``/Class.Method``
with ``GiosisCertificationKey``/``QAPIVersion``) and two return types (JSON, XML).
``send(path, query, form, headers)`` is the transport: Django's test client or a real
HTTP connection.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

ENDPOINT = "/GMKT.INC.Front.QAPIService/ebayjapan.qapi"
ALIAS = "/GMKT.INC.Front.QAPIService/Giosis.qapi"

Send = Callable[[str, str, dict[str, str], dict[str, str]], tuple[int, str, bytes]]


def _from_xml(element: ET.Element) -> Any:
    children = list(element)
    if not children:
        return element.text or ""
    tags = [child.tag for child in children]
    if len(set(tags)) == 1 and (len(tags) > 1 or element.tag == tags[0] + "s" or tags[0] == "Row"):
        return [_from_xml(child) for child in children]
    return {child.tag: _from_xml(child) for child in children}


def parse(content_type: str, body: bytes) -> dict[str, Any]:
    if "xml" in content_type:
        root = ET.fromstring(body)  # noqa: S314 - the server under test, not untrusted input
        answer: dict[str, Any] = {}
        for child in root:
            answer[child.tag] = _from_xml(child)
        for code in ("ResultCode", "ErrorCode"):
            if code in answer:
                answer[code] = int(answer[code])
        return answer
    return json.loads(body.decode("utf-8"))


class QapiClient:
    def __init__(
        self, send: Send, *, style: str = "query", return_type: str = "json", alias: bool = False
    ) -> None:
        assert style in ("query", "path", "both")
        self.send = send
        self.style = style
        self.return_type = return_type
        self.endpoint = ALIAS if alias else ENDPOINT
        self.statuses: list[int] = []

    def call(self, method: str, key: str, version: str = "1.0", /, **params: Any) -> dict[str, Any]:
        fields = {name: "" if value is None else str(value) for name, value in params.items()}
        if self.style == "query":
            query = urlencode(
                {
                    "method": method,
                    "key": key,
                    "v": version,
                    "returnType": self.return_type,
                    **fields,
                }
            )
            status, content_type, body = self.send(self.endpoint, query, {}, {})
        else:
            headers = {"GiosisCertificationKey": key, "QAPIVersion": version}
            form = {
                "returnType": f"application/{self.return_type}"
                if self.return_type == "json"
                else "text/xml",
                **fields,
            }
            if self.style == "both":  # some clients send everything twice
                form.update(key=key, v=version, method=method)
            status, content_type, body = self.send(f"{self.endpoint}/{method}", "", form, headers)
        self.statuses.append(status)
        return parse(content_type, body)

    def ok(self, method: str, key: str, version: str = "1.0", /, **params: Any) -> Any:
        answer = self.call(method, key, version, **params)
        assert answer.get("ResultCode") == 0, answer
        return answer["ResultObject"]


def django_transport(client: Any) -> Send:
    """Through Django's test client (the whole middleware stack, no socket)."""

    def send(path: str, query: str, form: dict[str, str], headers: dict[str, str]):
        if form:
            response = client.post(
                path,
                urlencode(form),
                content_type="application/x-www-form-urlencoded; charset=UTF-8",
                headers=headers,
            )
        else:
            response = client.get(f"{path}?{query}", headers=headers)
        return response.status_code, response["Content-Type"], response.content

    return send


def http_transport(base_url: str) -> Send:
    """Over a real HTTP connection (urllib), as a deployed client calls it."""
    import urllib.request

    def send(path: str, query: str, form: dict[str, str], headers: dict[str, str]):
        url = f"{base_url}{path}" + (f"?{query}" if query else "")
        data = urlencode(form).encode() if form else None
        request = urllib.request.Request(
            url,
            data=data,
            headers={
                **headers,
                **(
                    {"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"}
                    if data
                    else {}
                ),
            },
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read()

    return send
