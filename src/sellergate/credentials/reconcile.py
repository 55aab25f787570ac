"""Finishing what a killed worker left, and the key-expiry notices."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sellergate.credentials.models import FtpAccount, FtpStatus


def retry_stuck_provisioning(*, now: dt.datetime | None = None) -> list[int]:
    """Enqueue provisioning again for accounts waiting longer than the retry interval.

    Provisioning is idempotent, so a second run of a task that was only slow is harmless."""
    from sellergate.credentials.tasks import provision_ftp_account

    now = now or timezone.now()
    cutoff = now - dt.timedelta(seconds=settings.FTP_PROVISION_RETRY_SECONDS)
    retried = []
    with transaction.atomic():
        stuck = FtpAccount.objects.select_for_update().filter(
            status=FtpStatus.PROVISIONING, provision_enqueued_at__lte=cutoff
        )
        for account in stuck:
            account.provision_enqueued_at = now
            account.save(update_fields=["provision_enqueued_at"])
            retried.append(account.pk)
    for account_id in retried:
        provision_ftp_account.enqueue(account_id)
    return retried


def send_expiry_notices(*, now: dt.datetime | None = None) -> int:
    from sellergate.credentials.notifications import send_due_expiry_notices

    return send_due_expiry_notices(now=now or timezone.now())
