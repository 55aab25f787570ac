"""FTP account provisioned → application fulfilled, in one transaction (the worker's task)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from sellergate.access import services as access
from sellergate.access.models import AccessRequest, RequestStatus
from sellergate.core.actors import Actor
from sellergate.credentials import ftp_accounts
from sellergate.credentials.models import FtpAccount, FtpStatus

WORKER = Actor.system("worker")


def ftp_account_provision(*, account_id: int, now: dt.datetime | None = None) -> FtpAccount:
    """Build the account (``credentials.ftp_accounts.ftp_account_provision``, idempotent:
    run again after a crash at any point, it finishes the job) and fulfil the application
    it was opened for."""
    with transaction.atomic():
        account = ftp_accounts.ftp_account_provision(account_id=account_id, now=now)
        request = account.request
        if (
            account.status == FtpStatus.ACTIVE
            and request is not None
            and AccessRequest.objects.filter(pk=request.pk, status=RequestStatus.APPROVED).exists()
        ):
            access.request_fulfil(actor=WORKER, request=request)
    return account
