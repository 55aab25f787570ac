"""Is an address in a configured list of networks? (trusted proxies, the metrics scraper)"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from functools import cache


@cache
def _parsed(
    networks: tuple[str, ...],
) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    # Settings are lists of strings; parsed once per distinct list, not per request.
    return tuple(ipaddress.ip_network(net, strict=False) for net in networks)


def in_networks(address: str, networks: Sequence[str]) -> bool:
    """False for anything that is not an IP address."""
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in net for net in _parsed(tuple(networks)))
