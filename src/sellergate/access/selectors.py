"""Reads about access requests."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from sellergate.access.models import OPEN_STATUSES, AccessRequest, RequestStatus
from sellergate.sellers.models import Seller


def open_request(*, seller: Seller, kind: str) -> AccessRequest | None:
    """The seller's open request of ``kind``, if any (there is at most one)."""
    return AccessRequest.objects.of(seller).filter(kind=kind, status__in=OPEN_STATUSES).first()


def submitted_due(today: dt.date) -> QuerySet[AccessRequest]:
    """Submitted requests due by ``today``, the longest waiting first."""
    return AccessRequest.objects.filter(status=RequestStatus.SUBMITTED, due_on__lte=today).order_by(
        "due_on", "received_at"
    )
