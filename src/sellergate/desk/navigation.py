"""Which top-bar entry of the desk a page is under, for its current-page mark."""

from __future__ import annotations

from django.http import HttpRequest

_BY_NAME = {
    "request_queue": "queue",
    "request_detail": "queue",
    "seller_list": "sellers",
    "seller_detail": "sellers",
    "audit_log": "audit",
    "closures": "closures",
}


def context(request: HttpRequest) -> dict[str, str]:
    match = request.resolver_match
    if match is None or match.namespace != "desk":
        return {}
    return {"desk_section": _BY_NAME.get(match.url_name or "", "")}
