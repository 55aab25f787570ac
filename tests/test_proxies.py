"""The client's address is taken from X-Forwarded-For only when a trusted proxy sent it."""

from __future__ import annotations

import pytest

from sellergate.proxies import UNKNOWN_CLIENT, client_address


@pytest.fixture(autouse=True)
def _proxies(settings) -> None:
    settings.TRUSTED_PROXIES = ["10.0.0.0/24", "127.0.0.1"]


@pytest.mark.parametrize(
    ("remote", "forwarded", "client"),
    [
        ("10.0.0.5", "203.0.113.9", "203.0.113.9"),
        ("10.0.0.5", "198.51.100.1, 203.0.113.9", "203.0.113.9"),  # the left part is the client's
        ("10.0.0.5", "203.0.113.9, 10.0.0.7", "203.0.113.9"),  # two proxies in a row
        ("192.0.2.44", "203.0.113.9", "192.0.2.44"),  # not from a proxy: the header is a lie
        ("10.0.0.5", "", "10.0.0.5"),
        ("10.0.0.5", "not-an-address", UNKNOWN_CLIENT),  # unknown, never the proxy
        ("10.0.0.5", "203.0.113.9, not-an-ip", UNKNOWN_CLIENT),
    ],
)
def test_client_address(remote: str, forwarded: str, client: str) -> None:
    assert client_address(remote, forwarded) == client


@pytest.mark.django_db
def test_metrics_behind_the_proxy_see_the_client_not_the_proxy(client) -> None:
    # nginx on loopback forwarding an outside request: /metrics is not opened by it.
    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert response.status_code == 403
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 200


@pytest.mark.django_db
def test_a_forged_header_from_a_loopback_proxy_does_not_open_metrics(client) -> None:
    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="not-an-ip")
    assert response.status_code == 403
