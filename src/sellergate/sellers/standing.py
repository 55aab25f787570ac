"""What counts as an open problem (未処理件), defined once.

The eligibility check of one seller and the operator's list of all sellers both filter
with these conditions, so the two can never disagree.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone


def business_today() -> dt.date:
    """Today in the marketplace's time zone (settings.TIME_ZONE, Asia/Tokyo)."""
    return timezone.localdate()


def late_order_q(today: object) -> Q:
    """Orders whose ship-by date has passed while they are neither shipped nor cancelled.

    An order due today is not late yet: the seller has until the end of the day.
    """
    return Q(ship_by__lt=today, shipped_at__isnull=True, cancelled_at__isnull=True)


def unanswered_question_q() -> Q:
    return Q(answered_at__isnull=True)


def open_claim_q() -> Q:
    """A claim waiting for the seller: neither handled nor completed. An unpaid order's
    cancellation is the marketplace's own doing, never the seller's to handle."""
    return Q(resolved_at__isnull=True, completed_at__isnull=True) & ~Q(kind="unpaid")
