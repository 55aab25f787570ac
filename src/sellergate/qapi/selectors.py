"""Reading API usage for the seller center and the operator desk."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sellergate.qapi import usage
from sellergate.qapi.models import ApiUsage


def usage_by_key(key_ids: Iterable[int]) -> dict[int, list[ApiUsage]]:
    """Each key's usage per method, busiest first (this process's latest calls included)."""
    usage.flush()
    rows: dict[int, list[ApiUsage]] = defaultdict(list)
    for row in ApiUsage.objects.filter(api_key_id__in=list(key_ids)).order_by("-calls", "method"):
        rows[row.api_key_id].append(row)
    return dict(rows)
