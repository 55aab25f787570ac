"""Reads about access requests."""

from __future__ import annotations

from sellergate.access.models import OPEN_STATUSES, AccessRequest
from sellergate.sellers.models import Seller


def open_request(*, seller: Seller, kind: str) -> AccessRequest | None:
    """The seller's open request of ``kind``, if any (there is at most one)."""
    return AccessRequest.objects.filter(seller=seller, kind=kind, status__in=OPEN_STATUSES).first()
