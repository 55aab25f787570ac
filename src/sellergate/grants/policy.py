"""The automatic approval policy (setting SELLERGATE_AUTO_APPROVE, off by default).

When on, a request that passes every hard condition, with its purpose and integrating
company given (the submission's validation), is approved by "policy" instead of an
operator — only on a business day in Japan time. A request received on a weekend,
holiday or closure waits: ``services.policy_run`` approves what it may on the next
business day's morning (``sellergate access_policy``, run from cron or the worker's
schedule). The decision is recorded and audited as the policy's, like any operator's.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from sellergate.businessdays.calendar import load_calendar
from sellergate.core.actors import Actor

POLICY = Actor.system("policy")


def policy_applies(now: dt.datetime) -> bool:
    """Whether the policy decides at ``now``: switched on, and a business day in Japan."""
    return bool(settings.AUTO_APPROVE) and load_calendar().is_business_day(timezone.localdate(now))
