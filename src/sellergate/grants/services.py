"""Submit, approve and fulfil: the steps of the workflow that grant something.

Each step is one transaction: the request's own transition (``access.services``) and
what it grants (``credentials``) commit together or not at all.

An API key request is fulfilled at approval: the seller may issue keys from then on,
and sees each one once, when it is issued in the seller center (a secret shown once
must be made while the person who copies it is there; made at approval, it would have
to be stored until the seller came to look). An FTP application gets its account built
by the worker (``tasks.provision_ftp_account``); the request is fulfilled in the
transaction that makes the account ACTIVE.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sellergate.access import selectors as access_selectors
from sellergate.access import services as access
from sellergate.access.errors import AccessError
from sellergate.access.models import AccessRequest, RequestKind
from sellergate.core.actors import Actor
from sellergate.credentials import api_keys, ftp_accounts
from sellergate.credentials.models import FtpAccount, FtpStatus
from sellergate.grants import policy, tasks
from sellergate.sellers.models import Seller


def already_granted(seller: Seller, kind: str) -> bool:
    """Whether what a request of ``kind`` asks for is the seller's already (the pages then
    offer what to do with it instead of a request that would be refused)."""
    if kind == RequestKind.API_KEY:
        return api_keys.api_access_granted(seller)
    return ftp_accounts.ftp_account_of(seller) is not None


def _refuse_if_already_granted(seller: Seller, kind: str) -> None:
    if not already_granted(seller, kind):
        return
    if kind == RequestKind.API_KEY:
        raise ValidationError(
            _("Your API key request was approved already: issue keys on the API key page."),
            code="already_granted",
        )
    raise ValidationError(
        _("You have an FTP account already: see [Upload by FTP connection]."),
        code="already_granted",
    )


def request_submit(
    *,
    actor: Actor,
    seller: Seller,
    kind: str,
    contact_email: str,
    product_category: str,
    purpose: str,
    integrator_name: str,
    remarks: str = "",
    confirmations: Iterable[str] = (),
    now: dt.datetime | None = None,
) -> AccessRequest:
    """File a request (refused when what it asks for is granted already); the automatic
    approval policy, when on, may approve it at once."""
    now = now or timezone.now()
    confirmations = sorted(set(confirmations))
    # The request's own checks first, so a form shows its field errors before anything else.
    access.request_check(
        kind=kind, purpose=purpose, integrator_name=integrator_name, confirmations=confirmations
    )
    _refuse_if_already_granted(seller, kind)
    request = access.request_submit(
        actor=actor,
        seller=seller,
        kind=kind,
        contact_email=contact_email,
        product_category=product_category,
        purpose=purpose,
        integrator_name=integrator_name,
        remarks=remarks,
        confirmations=confirmations,
        now=now,
    )
    return policy_consider(request=request, now=now) or request


def request_approve(
    *,
    actor: Actor,
    request: AccessRequest,
    override_reason: str = "",
    now: dt.datetime | None = None,
) -> AccessRequest:
    """Approve (``access.services.request_approve``'s rules) and grant, in one transaction."""
    with transaction.atomic():
        approved = access.request_approve(
            actor=actor, request=request, override_reason=override_reason, now=now
        )
        if approved.kind == RequestKind.API_KEY:
            # The seller's "decided" mail, sent after commit, reads the final status.
            approved.status = access.request_fulfil(actor=actor, request=approved).status
        elif approved.kind == RequestKind.FTP:
            account = ftp_accounts.ftp_account_open(
                actor=actor, seller=approved.seller, request=approved
            )
            if account.status == FtpStatus.PROVISIONING:
                _enqueue_provisioning(account)
    return approved


def _enqueue_provisioning(account: FtpAccount) -> None:
    account_id = account.pk
    transaction.on_commit(lambda: tasks.provision_ftp_account.enqueue(account_id))


def retry_stuck_provisioning(*, now: dt.datetime | None = None) -> list[int]:
    """Enqueue provisioning again for accounts waiting longer than the retry interval
    (a worker killed mid-task). Provisioning is idempotent, so a second run of a task
    that was only slow is harmless."""
    retried = ftp_accounts.ftp_accounts_stuck(now=now)
    for account_id in retried:
        tasks.provision_ftp_account.enqueue(account_id)
    return retried


# --- the automatic approval policy (see ``policy``) -------------------------------------


def policy_consider(
    *, request: AccessRequest, now: dt.datetime | None = None
) -> AccessRequest | None:
    """Approve ``request`` as the policy if it may now; None when the desk must decide."""
    now = now or timezone.now()
    if not policy.policy_applies(now):
        return None
    try:
        return request_approve(actor=policy.POLICY, request=request, now=now)
    except AccessError:
        # A failing condition, or already decided: the desk's queue has it.
        return None


def policy_run(*, now: dt.datetime | None = None) -> list[AccessRequest]:
    """Consider every submitted request that is due by today; returns those approved."""
    now = now or timezone.now()
    return [
        approved
        for request in access_selectors.submitted_due(timezone.localdate(now))
        if (approved := policy_consider(request=request, now=now))
    ]
