"""The seller fixes its standing here: its orders (late ones first; confirm, ship with the
carrier and tracking number), its customers' questions (answer) and its claims (settle).

Through the same services the marketplace API uses (``sellers.actions``,
``sellers.claims``), so the conditions on ホーム change at once. Lists are of the
seller's own records only (the tenancy gate); each shows what needs doing first, 50 a
page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sellergate.accounts.roles import seller_required
from sellergate.core.actors import Actor
from sellergate.core.errors import Refusal
from sellergate.portal.tenancy import current_seller
from sellergate.sellers import actions, claims
from sellergate.sellers.models import Claim, CustomerQuestion, Order
from sellergate.sellers.standing import (
    business_today,
    late_order_q,
    open_claim_q,
    unanswered_question_q,
)

PAGE_SIZE = 50


class ConfirmForm(forms.Form):
    estimated_ship_date = forms.DateField(
        label=gettext_lazy("Estimated shipping date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    delay_type = forms.ChoiceField(
        label=gettext_lazy("Reason for a delay"),
        required=False,
        choices=[("", "—"), *actions.DELAY_TYPES.items()],
        help_text=gettext_lazy("Needed when it ships after the ship-by date."),
    )
    delay_memo = forms.CharField(
        label=gettext_lazy("Note to the buyer"), required=False, max_length=actions.MAX_MEMO
    )


class ShipForm(forms.Form):
    delivery_company = forms.CharField(
        label=gettext_lazy("Carrier"), max_length=actions.MAX_COMPANY
    )
    tracking_no = forms.CharField(
        label=gettext_lazy("Tracking number"), required=False, max_length=actions.MAX_TRACKING
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=gettext_lazy("Answer"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=actions.MAX_ANSWER,
    )


class SettleForm(forms.Form):
    memo = forms.CharField(
        label=gettext_lazy("How it was settled (kept with the claim)"),
        required=False,
        max_length=actions.MAX_MEMO,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _first(condition: Q) -> Case:
    """0 for the records that need doing, 1 for the rest: what to order by first."""
    return Case(When(condition, then=Value(0)), default=Value(1), output_field=IntegerField())


def _page(request: HttpRequest, records: QuerySet[Any]) -> Any:
    return Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))


def _orders(request: HttpRequest, today: dt.date) -> QuerySet[Order]:
    """Open orders, late ones first, then by ship-by date."""
    return (
        Order.objects.of(current_seller(request))
        .filter(delivered_at__isnull=True, cancelled_at__isnull=True)
        .annotate(
            late=_first(late_order_q(today)),
        )
        .order_by("late", "ship_by", "order_no")
    )


@seller_required
def order_list(request: HttpRequest) -> HttpResponse:
    today = business_today()
    return render(
        request,
        "portal/orders.html",
        {"page": _page(request, _orders(request, today)), "today": today},
    )


@seller_required
def order_detail(request: HttpRequest, order_no: str) -> HttpResponse:
    order = get_object_or_404(Order.objects.of(current_seller(request)), order_no=order_no)
    return render(
        request,
        "portal/order_detail.html",
        {
            "order": order,
            "today": business_today(),
            "confirm_form": ConfirmForm(initial={"estimated_ship_date": order.estimated_ship_date}),
            "ship_form": ShipForm(
                initial={
                    "delivery_company": order.delivery_company,
                    "tracking_no": order.tracking_no,
                }
            ),
        },
    )


# Each POST looks its record up first: another seller's is not found (404), as on every
# page of the seller center, before its form is read.


def _act(
    request: HttpRequest,
    form: forms.Form,
    act: Callable[[Actor, dict[str, Any]], object],
    done: str,
    back: tuple[str, str],
) -> HttpResponse:
    """Run ``act`` with the form's values; any refusal is shown as the seller's message."""
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else str(error))
    else:
        try:
            act(Actor.from_request(request), form.cleaned_data)
        except Refusal as refusal:
            messages.error(request, refusal.text())
        else:
            messages.success(request, done)
    return redirect(*back)


@require_POST
@seller_required
def order_confirm(request: HttpRequest, order_no: str) -> HttpResponse:
    seller = current_seller(request)
    get_object_or_404(Order.objects.of(seller), order_no=order_no)
    return _act(
        request,
        ConfirmForm(request.POST),
        lambda actor, data: actions.order_confirm(
            actor=actor,
            seller=seller,
            order_no=order_no,
            estimated_ship_date=data["estimated_ship_date"],
            delay_type=data["delay_type"],
            delay_memo=data["delay_memo"],
        ),
        _("Order %(no)s is confirmed.") % {"no": order_no},
        ("portal:order_detail", order_no),
    )


@require_POST
@seller_required
def order_ship(request: HttpRequest, order_no: str) -> HttpResponse:
    seller = current_seller(request)
    get_object_or_404(Order.objects.of(seller), order_no=order_no)
    return _act(
        request,
        ShipForm(request.POST),
        lambda actor, data: actions.order_ship(
            actor=actor,
            seller=seller,
            order_no=order_no,
            delivery_company=data["delivery_company"],
            tracking_no=data["tracking_no"],
        ),
        _("Order %(no)s is recorded as shipped.") % {"no": order_no},
        ("portal:order_detail", order_no),
    )


def _waiting_first(
    request: HttpRequest, records: QuerySet[Any], waiting: Q, then: str, template: str
) -> HttpResponse:
    """A list page of the seller's records, those waiting for it first."""
    listed = records.annotate(waiting=_first(waiting)).order_by("waiting", then)
    return render(request, template, {"page": _page(request, listed)})


@seller_required
def question_list(request: HttpRequest) -> HttpResponse:
    questions = CustomerQuestion.objects.of(current_seller(request))
    return _waiting_first(
        request, questions, unanswered_question_q(), "asked_at", "portal/questions.html"
    )


@seller_required
def question_detail(request: HttpRequest, question_no: str) -> HttpResponse:
    question = get_object_or_404(
        CustomerQuestion.objects.of(current_seller(request)), question_no=question_no
    )
    return render(
        request,
        "portal/question_detail.html",
        {"question": question, "form": AnswerForm(initial={"answer": question.answer})},
    )


@require_POST
@seller_required
def question_answer(request: HttpRequest, question_no: str) -> HttpResponse:
    seller = current_seller(request)
    get_object_or_404(CustomerQuestion.objects.of(seller), question_no=question_no)
    return _act(
        request,
        AnswerForm(request.POST),
        lambda actor, data: actions.question_answer(
            actor=actor, seller=seller, question_no=question_no, answer=data["answer"]
        ),
        _("Your answer to question %(no)s was sent.") % {"no": question_no},
        ("portal:question_detail", question_no),
    )


@seller_required
def claim_list(request: HttpRequest) -> HttpResponse:
    records = Claim.objects.of(current_seller(request))
    return _waiting_first(request, records, open_claim_q(), "opened_at", "portal/claims.html")


@seller_required
def claim_detail(request: HttpRequest, claim_no: str) -> HttpResponse:
    claim = get_object_or_404(Claim.objects.of(current_seller(request)), claim_no=claim_no)
    return render(request, "portal/claim_detail.html", {"claim": claim, "form": SettleForm()})


@require_POST
@seller_required
def claim_settle(request: HttpRequest, claim_no: str) -> HttpResponse:
    seller = current_seller(request)
    get_object_or_404(Claim.objects.of(seller), claim_no=claim_no)
    return _act(
        request,
        SettleForm(request.POST),
        lambda actor, data: claims.claim_resolve(
            actor=actor, seller=seller, claim_no=claim_no, memo=data["memo"]
        ),
        _("Claim %(no)s is settled.") % {"no": claim_no},
        ("portal:claim_detail", claim_no),
    )
