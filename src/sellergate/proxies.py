"""The client's address behind a reverse proxy.

Behind nginx every request comes from the proxy; what the API key's address allowlist,
the audit log and /metrics need is the client's. Django trusts no forwarding header by
default, rightly: anyone can send one. Here ``X-Forwarded-For`` is believed only when
the request comes from an address in ``SELLERGATE_TRUSTED_PROXIES``, and then the client
is the right-most address in it that is not itself a trusted proxy (the left part of the
header is whatever the client wrote). ``X-Forwarded-Proto: https`` from a trusted proxy
marks the request secure.

A hop that is not an address at all (``X-Forwarded-For: not-an-ip``) makes the client
unknown, ``UNKNOWN_CLIENT`` (0.0.0.0), never the proxy's own address: a loopback proxy
must not lend its address, and with it the ``/metrics`` allowlist, to a forged header.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from sellergate.addresses import in_networks

#: The client of a request whose forwarding header is garbage: in no allowlist of ours.
UNKNOWN_CLIENT = "0.0.0.0"  # noqa: S104 - an address to record, not one to bind


def _trusted(address: str) -> bool:
    return in_networks(address, settings.TRUSTED_PROXIES)


def client_address(remote_addr: str, forwarded_for: str) -> str:
    if not forwarded_for or not _trusted(remote_addr):
        return remote_addr
    for hop in reversed([part.strip() for part in forwarded_for.split(",") if part.strip()]):
        if not _trusted(hop):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return UNKNOWN_CLIENT  # garbage where an address should be: nobody known
    return remote_addr


class TrustedProxyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        remote = request.META.get("REMOTE_ADDR", "")
        if settings.TRUSTED_PROXIES and _trusted(remote):
            request.META["REMOTE_ADDR"] = client_address(
                remote, request.META.get("HTTP_X_FORWARDED_FOR", "")
            )
            if request.META.get("HTTP_X_FORWARDED_PROTO", "").lower() == "https":
                request.META["wsgi.url_scheme"] = "https"
        return self.get_response(request)
