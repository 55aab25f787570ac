"""Standing enforcement: a seller that falls out of good standing is warned, and (by
setting) its credentials are suspended after N business days; restored standing lifts a
suspension the check itself made.

Off by default beyond the warning: SELLERGATE_STANDING_SUSPEND_AFTER_DAYS = 0.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.tasks import task
from django.utils import timezone

from sellergate.businessdays.calendar import load_calendar
from sellergate.core.actors import Actor
from sellergate.credentials import notifications, suspension
from sellergate.credentials.models import FtpStatus, KeyStatus
from sellergate.sellers.eligibility import evaluate_eligibility
from sellergate.sellers.models import Seller

CHECKER = Actor.system("standing-check")


@dataclass
class StandingReport:
    warned: list[str] = field(default_factory=list)
    suspended: list[str] = field(default_factory=list)
    resumed: list[str] = field(default_factory=list)
    #: Sellers with credentials, the ones checked: a seller with none has nothing to warn
    #: about or suspend, however many conditions it fails.
    checked: int = 0

    def as_dict(self) -> dict[str, list[str]]:
        return {"warned": self.warned, "suspended": self.suspended, "resumed": self.resumed}


def _with_credentials() -> list[Seller]:
    return list(
        Seller.objects.filter(
            Q(api_keys__status=KeyStatus.ACTIVE)
            | Q(
                ftp_accounts__status__in=[
                    FtpStatus.ACTIVE,
                    FtpStatus.SUSPENDED,
                    FtpStatus.PROVISIONING,
                ]
            )
            | Q(suspended_by_standing=True)
        ).distinct()
    )


def standing_enforce(*, now: dt.datetime | None = None) -> StandingReport:
    now = now or timezone.now()
    today = timezone.localdate(now)
    calendar = load_calendar()
    report = StandingReport()
    sellers = _with_credentials()
    report.checked = len(sellers)
    for seller in sellers:
        eligibility = evaluate_eligibility(seller, now=now)
        if eligibility.passed:
            suspension.standing_restored(actor=CHECKER, seller=seller)
            if seller.suspended_by_standing:
                report.resumed.append(seller.login_id)
            continue
        since = suspension.standing_lost(actor=CHECKER, seller=seller, today=today)
        notifications.standing_warning(seller=seller, eligibility=eligibility)
        report.warned.append(seller.login_id)
        limit = settings.STANDING_SUSPEND_AFTER_DAYS
        if limit and seller.suspended_at is None:
            deadline = calendar.add_business_days(since, limit)
            if today >= deadline:
                codes = ", ".join(condition.code for condition in eligibility.failed)
                suspension.credentials_suspend(
                    actor=CHECKER, seller=seller, reason=f"standing: {codes}", by_standing=True
                )
                report.suspended.append(seller.login_id)
    return report


@task()
def standing_check() -> dict[str, list[str]]:
    return standing_enforce().as_dict()
