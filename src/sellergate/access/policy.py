"""The automatic approval policy (setting SELLERGATE_AUTO_APPROVE, off by default).

When on, a request that passes every hard condition, with its purpose and integrating
company given (the submission's validation), is approved by "policy" instead of an
operator — only on a business day in Japan time. A request received on a weekend,
holiday or closure waits: ``policy_run`` approves what it may on the next business
day's morning (``sellergate access_policy``, run from cron or the worker's schedule).
The decision is recorded and audited as the policy's, like any operator's.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from sellergate.access.errors import AccessError
from sellergate.access.models import AccessRequest, RequestStatus
from sellergate.audit.actors import Actor
from sellergate.businessdays.calendar import load_calendar

POLICY = Actor.system("policy")


def policy_consider(
    *, request: AccessRequest, now: dt.datetime | None = None
) -> AccessRequest | None:
    """Approve ``request`` as the policy if it may now; None when the desk must decide."""
    now = now or timezone.now()
    if not settings.AUTO_APPROVE or not load_calendar().is_business_day(timezone.localdate(now)):
        return None
    from sellergate.access.services import request_approve

    try:
        return request_approve(actor=POLICY, request=request, now=now)
    except AccessError:
        # A failing condition, or already decided: the desk's queue has it.
        return None


def policy_run(*, now: dt.datetime | None = None) -> list[AccessRequest]:
    """Consider every submitted request that is due by today; returns those approved."""
    now = now or timezone.now()
    due = AccessRequest.objects.filter(
        status=RequestStatus.SUBMITTED, due_on__lte=timezone.localdate(now)
    ).order_by("due_on", "received_at")
    return [approved for request in due if (approved := policy_consider(request=request, now=now))]
