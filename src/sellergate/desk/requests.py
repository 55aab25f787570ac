"""The desk's request queue and the decisions on one request."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sellergate.access import services as access
from sellergate.access.models import (
    OPEN_STATUSES,
    AccessRequest,
    Author,
    RequestMessage,
    RequestStatus,
)
from sellergate.accounts.roles import operator_required
from sellergate.core.actors import Actor
from sellergate.core.confirm import confirmation, confirmed
from sellergate.core.errors import Refusal, refusal_messages
from sellergate.desk.forms import ApproveForm, AskForm, QueueFilter, RejectForm
from sellergate.grants import services as grants
from sellergate.sellers.eligibility import Eligibility, evaluate_eligibility
from sellergate.sellers.standing import business_today

#: The requests that wait for the desk: the queue's "open" and its counts.
WAITING = [RequestStatus.SUBMITTED, RequestStatus.NEEDS_INFO]


def _with_last_author(requests: QuerySet[AccessRequest]) -> QuerySet[AccessRequest]:
    """Each request with who wrote last in its thread: a seller's reply after the desk's
    question is news for the desk (the reply put the request back to submitted)."""
    last = RequestMessage.objects.filter(request=OuterRef("pk")).order_by("-created_at", "-id")
    return requests.annotate(last_author=Subquery(last.values("author_role")[:1]))


def queue_counts(today: dt.date) -> dict[str, int]:
    """The open requests at a glance: how many, due today, overdue, with a new reply."""
    open_requests = _with_last_author(AccessRequest.objects.filter(status__in=WAITING))
    return open_requests.aggregate(
        open=Count("pk"),
        today=Count("pk", filter=Q(due_on=today)),
        overdue=Count("pk", filter=Q(due_on__lt=today)),
        replied=Count("pk", filter=Q(status=RequestStatus.SUBMITTED, last_author=Author.SELLER)),
    )


def _filtered(form: QueueFilter) -> QuerySet[AccessRequest]:
    requests = _with_last_author(
        AccessRequest.objects.select_related("seller").order_by("due_on", "received_at")
    )
    if not form.is_valid():
        return requests.filter(status__in=[RequestStatus.SUBMITTED])
    data = form.cleaned_data
    if data["status"] == "open" or "status" not in form.data:
        requests = requests.filter(status__in=WAITING)
    elif data["status"]:
        requests = requests.filter(status=data["status"])
    if data["kind"]:
        requests = requests.filter(kind=data["kind"])
    today = business_today()
    due_filters = {
        "overdue": {"due_on__lt": today},
        "today": {"due_on": today},
        "later": {"due_on__gt": today},
    }
    if data["due"] in due_filters:
        requests = requests.filter(**due_filters[data["due"]])
    if data["seller"]:
        requests = requests.filter(seller__login_id__icontains=data["seller"].strip())
    return requests


@operator_required
def queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilter(request.GET or {"status": "open"})
    today = business_today()
    return render(
        request,
        "desk/request_queue.html",
        {
            "form": form,
            "requests": _filtered(form),
            "today": today,
            "counts": queue_counts(today),
        },
    )


def _prefilled_reason(eligibility: Eligibility) -> str:
    lines = [_("The following conditions are not met:")]
    lines += [f"・{condition.label}: {condition.summary}" for condition in eligibility.failed]
    return "\n".join(lines) if eligibility.failed else ""


@operator_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    access_request = get_object_or_404(AccessRequest.objects.select_related("seller"), pk=pk)
    now = evaluate_eligibility(access_request.seller)
    return render(
        request,
        "desk/request_detail.html",
        {
            "access_request": access_request,
            "thread": access_request.messages.select_related("author"),
            "now": now,
            "submitted": Eligibility.from_snapshot(access_request.eligibility_at_submission),
            "decided": Eligibility.from_snapshot(access_request.eligibility_at_decision)
            if access_request.eligibility_at_decision
            else None,
            "is_open": access_request.status in OPEN_STATUSES,
            "can_decide": access_request.status == RequestStatus.SUBMITTED,
            "can_reject": access_request.status
            in (RequestStatus.SUBMITTED, RequestStatus.NEEDS_INFO),
            "can_override": request.user.has_perm(access.OVERRIDE_PERMISSION),
            "approve_form": ApproveForm(),
            "reject_form": RejectForm(initial={"reason": _prefilled_reason(now)}),
            "ask_form": AskForm(),
        },
    )


def _act(
    request: HttpRequest,
    pk: int,
    form_class: type[Any],
    act: Callable[[Actor, AccessRequest, dict[str, Any]], object],
    done: str,
) -> HttpResponse:
    access_request = get_object_or_404(AccessRequest, pk=pk)
    form = form_class(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("desk:request_detail", pk)
    try:
        act(Actor.from_request(request), access_request, form.cleaned_data)
    except (Refusal, ValidationError) as error:
        for message in refusal_messages(error):
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("desk:request_detail", pk)


@require_POST
@operator_required
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        ApproveForm,
        lambda actor, r, data: grants.request_approve(
            actor=actor, request=r, override_reason=data["override_reason"]
        ),
        _("The request was approved."),
    )


@require_POST
@operator_required
def reject(request: HttpRequest, pk: int) -> HttpResponse:
    if not confirmed(request):
        access_request = get_object_or_404(AccessRequest.objects.select_related("seller"), pk=pk)
        return confirmation(
            request,
            base="desk/base.html",
            title=_("Reject request #%(pk)d?") % {"pk": pk},
            consequence=_(
                "Request #%(pk)d of %(shop)s is closed as rejected and the seller is sent the "
                "reason below by e-mail; it cannot be reopened (the seller may apply again)."
            )
            % {"pk": pk, "shop": access_request.seller.shop_name},
            button=_("Reject the request"),
            cancel_url=reverse("desk:request_detail", args=[pk]),
            reason_label=_("Reason (sent to the seller)"),
            reason=RejectForm.composed(
                request.POST.get("canned", ""), request.POST.get("reason", "")
            ),
            merged=("canned",),
        )
    return _act(
        request,
        pk,
        RejectForm,
        lambda actor, r, data: access.request_reject(actor=actor, request=r, reason=data["reason"]),
        _("The request was rejected."),
    )


@require_POST
@operator_required
def ask(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        AskForm,
        lambda actor, r, data: access.request_ask(actor=actor, request=r, message=data["message"]),
        _("The question was sent to the seller."),
    )
