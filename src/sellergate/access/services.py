"""The only write path for access requests: submit, ask, answer, withdraw, approve, reject.

Each function is one transaction that locks the request row first (``SELECT … FOR
UPDATE``; on SQLite the write transaction itself is the lock), checks that the request
is still in a state that allows the step, and writes one audit event. When two
operators act on one request at once, the second finds the first's decision and gets a
``RequestStateError`` saying who decided and when.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from sellergate.access import notifications
from sellergate.access.errors import (
    ConditionsNotMet,
    NotABusinessDay,
    OverrideNotAllowed,
    RequestStateError,
)
from sellergate.access.models import (
    AccessRequest,
    Author,
    RequestKind,
    RequestMessage,
    RequestStatus,
)
from sellergate.access.validators import validate_integrator, validate_purpose
from sellergate.audit.services import audit_record
from sellergate.businessdays.calendar import load_calendar
from sellergate.core.actors import Actor
from sellergate.sellers.eligibility import Eligibility, evaluate_eligibility
from sellergate.sellers.models import Seller

#: What an FTP applicant must tick: that the guidance beside the remarks was read.
FTP_CONFIRMATIONS = ("guidance_read",)

OVERRIDE_PERMISSION = "access.override_eligibility"


def _audit(
    actor: Actor, action: str, request: AccessRequest, before: str | None, **details: str
) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=request,
        seller=request.seller,
        before={"status": before} if before else None,
        after={"status": request.status, **details},
    )


def _locked(request: AccessRequest, allowed: Iterable[str]) -> AccessRequest:
    """The request re-read under a row lock, if its status still allows the step."""
    locked = AccessRequest.objects.select_for_update().select_related("seller").get(pk=request.pk)
    if locked.status not in allowed:
        if locked.decided_at is not None:
            raise RequestStateError(
                _("This request was already %(status)s by %(who)s at %(when)s.")
                % {
                    "status": locked.get_status_display(),
                    "who": locked.decided_by_label,
                    "when": formats.date_format(timezone.localtime(locked.decided_at), "Y-m-d H:i"),
                }
            )
        raise RequestStateError(
            _("This request is %(status)s now; the step is no longer possible.")
            % {"status": locked.get_status_display()}
        )
    return locked


def request_check(
    *, kind: str, purpose: str, integrator_name: str, confirmations: Iterable[str]
) -> None:
    """A submission's own field checks; raises ``ValidationError`` by field."""
    errors: dict[str, list[ValidationError]] = {}
    for field, validate, value in (
        ("purpose", validate_purpose, purpose),
        ("integrator_name", validate_integrator, integrator_name),
    ):
        try:
            validate(value)
        except ValidationError as error:
            errors[field] = [error]
    if kind == RequestKind.FTP:
        missing = [item for item in FTP_CONFIRMATIONS if item not in set(confirmations)]
        if missing:
            errors["confirmations"] = [
                ValidationError(
                    _("Read the guidance beside the remarks field and confirm it."),
                    code="unconfirmed",
                )
            ]
    if errors:
        raise ValidationError(errors)


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
    """File a request. Failing conditions do not stop it (the desk decides) but are
    stored with it; the due date is the calendar's, from the time received. (Whether
    what it asks for is granted already is the grant workflow's question:
    ``grants.services.request_submit`` asks it, then calls this.)"""
    now = now or timezone.now()
    confirmations = sorted(set(confirmations))
    request_check(
        kind=kind, purpose=purpose, integrator_name=integrator_name, confirmations=confirmations
    )
    request = AccessRequest(
        seller=seller,
        kind=kind,
        submitted_by=actor.user,
        contact_email=contact_email,
        product_category=product_category,
        purpose=purpose.strip(),
        integrator_name=integrator_name.strip(),
        remarks=remarks.strip(),
        confirmations=confirmations,
        received_at=now,
        due_on=load_calendar().due_date(now),
        eligibility_at_submission=evaluate_eligibility(seller, now=now).to_snapshot(),
    )
    request.full_clean()
    try:
        with transaction.atomic():
            request.save()
            _audit(actor, "request.submit", request, None)
            transaction.on_commit(lambda: notifications.request_received(request))
    except IntegrityError:
        # Two submissions raced past full_clean; the constraint kept one.
        raise ValidationError(
            _("You already have an open request of this kind."), code="open_request_exists"
        ) from None
    return request


def request_ask(*, actor: Actor, request: AccessRequest, message: str) -> AccessRequest:
    """The desk asks the seller for information: SUBMITTED → NEEDS_INFO."""
    if not message.strip():
        raise ValidationError({"message": _("Write what the seller should answer.")})
    with transaction.atomic():
        locked = _locked(request, {RequestStatus.SUBMITTED})
        RequestMessage.objects.create(
            request=locked, author=actor.user, author_role=Author.DESK, body=message.strip()
        )
        locked.status = RequestStatus.NEEDS_INFO
        locked.save()
        _audit(actor, "request.ask", locked, RequestStatus.SUBMITTED)
        question = message.strip()
        transaction.on_commit(lambda: notifications.question_asked(locked, question))
    return locked


def request_answer(
    *, actor: Actor, request: AccessRequest, message: str, now: dt.datetime | None = None
) -> AccessRequest:
    """The seller answers: NEEDS_INFO → SUBMITTED, due again from the time of the answer."""
    if not message.strip():
        raise ValidationError({"message": _("Write your answer to the desk's question.")})
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked(request, {RequestStatus.NEEDS_INFO})
        RequestMessage.objects.create(
            request=locked, author=actor.user, author_role=Author.SELLER, body=message.strip()
        )
        locked.status = RequestStatus.SUBMITTED
        locked.due_on = load_calendar().due_date(now)
        locked.save()
        _audit(actor, "request.answer", locked, RequestStatus.NEEDS_INFO)
        answer = message.strip()
        transaction.on_commit(lambda: notifications.seller_answered(locked, answer))
    return locked


def request_withdraw(*, actor: Actor, request: AccessRequest) -> AccessRequest:
    with transaction.atomic():
        locked = _locked(request, {RequestStatus.SUBMITTED, RequestStatus.NEEDS_INFO})
        before = locked.status
        locked.status = RequestStatus.WITHDRAWN
        locked.save()
        _audit(actor, "request.withdraw", locked, before)
    return locked


def _decide(locked: AccessRequest, actor: Actor, status: str, now: dt.datetime) -> None:
    locked.status = status
    locked.decided_at = now
    locked.decided_by = actor.user
    locked.decided_by_label = actor.label
    locked.eligibility_at_decision = evaluate_eligibility(locked.seller, now=now).to_snapshot()


def _failing_in_words(snapshot: dict[str, Any]) -> str:
    """The failing conditions as a person reads them (label: what was found), not codes."""
    return "; ".join(
        f"{condition.label} ({condition.summary})"
        for condition in Eligibility.from_snapshot(snapshot).failed
    )


def request_approve(
    *,
    actor: Actor,
    request: AccessRequest,
    override_reason: str = "",
    now: dt.datetime | None = None,
) -> AccessRequest:
    """Approve: only on a business day, and only while every hard condition passes, unless
    an operator with the override permission gives a reason (kept and audited). What
    the approval grants is the workflow's (``grants.services.request_approve``, which
    calls this in its transaction)."""
    now = now or timezone.now()
    calendar = load_calendar()
    today = timezone.localdate(now)
    closed_because = calendar.closed_because(today)
    if closed_because is not None:
        raise NotABusinessDay(
            _(
                "Today (%(today)s) is not a business day (%(reason)s): nothing is issued "
                "until %(next)s."
            )
            % {
                "today": today.isoformat(),
                "reason": closed_because,
                "next": calendar.next_business_day(today).isoformat(),
            }
        )
    override_reason = override_reason.strip()
    with transaction.atomic():
        locked = _locked(request, {RequestStatus.SUBMITTED})
        before = locked.status
        _decide(locked, actor, RequestStatus.APPROVED, now)
        decided = locked.eligibility_at_decision or {}  # set by _decide just above
        failed = [c for c in decided["conditions"] if not c["passed"]]
        if failed:
            if not override_reason:
                raise ConditionsNotMet(
                    _(
                        "A condition fails now: %(conditions)s. Reject the request, or "
                        "override with a reason if you hold that permission."
                    )
                    % {"conditions": _failing_in_words(decided)}
                )
            if actor.user is None or not actor.user.has_perm(OVERRIDE_PERMISSION):
                raise OverrideNotAllowed(
                    _("Approving although a condition fails needs the override permission.")
                )
            locked.override_reason = override_reason
        locked.save()
        if failed:
            _audit(
                actor,
                "request.approve_override",
                locked,
                before,
                override_reason=override_reason,
                failed_conditions=",".join(c["code"] for c in failed),
            )
        else:
            _audit(actor, "request.approve", locked, before)
        transaction.on_commit(lambda: notifications.request_decided(locked))
    return locked


def request_fulfil(*, actor: Actor, request: AccessRequest) -> AccessRequest:
    """APPROVED → FULFILLED: what was approved is there (API access; an active FTP account)."""
    with transaction.atomic():
        locked = _locked(request, {RequestStatus.APPROVED})
        locked.status = RequestStatus.FULFILLED
        locked.save()
        _audit(actor, "request.fulfil", locked, RequestStatus.APPROVED)
    return locked


def request_reject(
    *, actor: Actor, request: AccessRequest, reason: str, now: dt.datetime | None = None
) -> AccessRequest:
    """Reject with a reason the seller will read. Open questions do not block it."""
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason the seller will read.")})
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked(request, {RequestStatus.SUBMITTED, RequestStatus.NEEDS_INFO})
        before = locked.status
        _decide(locked, actor, RequestStatus.REJECTED, now)
        locked.decision_reason = reason.strip()
        locked.save()
        _audit(actor, "request.reject", locked, before, reason=locked.decision_reason)
        transaction.on_commit(lambda: notifications.request_decided(locked))
    return locked
