from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sellergate.access import services as access
from sellergate.access.models import AccessRequest, RequestKind, RequestStatus
from sellergate.access.selectors import open_request
from sellergate.accounts.forms import SellerLoginForm
from sellergate.accounts.roles import seller_required
from sellergate.businessdays.calendar import load_calendar
from sellergate.core.actors import Actor
from sellergate.core.confirm import confirmation, confirmed
from sellergate.core.errors import Refusal
from sellergate.grants import services as grants
from sellergate.portal.forms import ApiKeyRequestForm, FtpApplicationForm, MessageForm
from sellergate.portal.tenancy import current_seller
from sellergate.portal.todo import things_to_do
from sellergate.sellers.eligibility import Eligibility, evaluate_eligibility
from sellergate.sellers.standing import business_today


class LoginView(auth_views.LoginView):
    template_name = "portal/login.html"
    authentication_form = SellerLoginForm
    next_page = cast("str", reverse_lazy("portal:home"))  # lazy: resolved when used


def _calendar_context() -> dict[str, object]:
    today = business_today()
    calendar = load_calendar()
    return {
        "today": today,
        "today_closed_because": calendar.closed_because(today),
        "next_business_day": calendar.next_business_day(today),
    }


@seller_required
def home(request: HttpRequest) -> HttpResponse:
    seller = current_seller(request)
    return render(
        request,
        "portal/home.html",
        {
            "seller": seller,
            "eligibility": evaluate_eligibility(seller),
            "todos": things_to_do(seller),
            "api_granted": grants.already_granted(seller, RequestKind.API_KEY),
            "ftp_granted": grants.already_granted(seller, RequestKind.FTP),
            **_calendar_context(),
        },
    )


@seller_required
def faq(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/faq.html")


@seller_required
def inquiry(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/inquiry.html")


@seller_required
def permissions(request: HttpRequest) -> HttpResponse:
    seller = current_seller(request)
    latest = (
        AccessRequest.objects.of(current_seller(request))
        .filter(kind=RequestKind.FTP)
        .order_by("-received_at")
        .first()
    )
    return render(request, "portal/permissions.html", {"seller": seller, "latest": latest})


def _request_form(
    request: HttpRequest,
    *,
    kind: str,
    form_class: type[Form],
    template: str,
    initial: dict[str, str],
) -> HttpResponse:
    seller = current_seller(request)
    existing = open_request(seller=seller, kind=kind)
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and existing is None and form.is_valid():
        data = form.cleaned_data
        try:
            filed = grants.request_submit(
                actor=Actor.from_request(request),
                seller=seller,
                kind=kind,
                contact_email=data.get("contact_email") or seller.contact_email,
                product_category=data.get("product_category") or seller.main_category,
                purpose=data["purpose"],
                integrator_name=data["integrator_name"],
                remarks=data.get("remarks", ""),
                confirmations=["guidance_read"] if data.get("guidance_read") else [],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Your request was received. It is handled on business days.")
            )
            return redirect("portal:request_detail", filed.pk)
    eligibility: Eligibility = evaluate_eligibility(seller)
    return render(
        request,
        template,
        {
            "form": form,
            "seller": seller,
            "existing": existing,
            "granted": existing is None and grants.already_granted(seller, kind),
            "kind": kind,
            "eligibility": eligibility,
            **_calendar_context(),
        },
    )


@seller_required
def api_key_request(request: HttpRequest) -> HttpResponse:
    seller = current_seller(request)
    return _request_form(
        request,
        kind=RequestKind.API_KEY,
        form_class=ApiKeyRequestForm,
        template="portal/api_key_request.html",
        initial={
            "login_id": seller.login_id,
            "contact_email": seller.contact_email,
            "product_category": seller.main_category,
        },
    )


@seller_required
def ftp_application(request: HttpRequest) -> HttpResponse:
    return _request_form(
        request,
        kind=RequestKind.FTP,
        form_class=FtpApplicationForm,
        template="portal/ftp_application.html",
        initial={},
    )


@seller_required
def request_list(request: HttpRequest) -> HttpResponse:
    requests = AccessRequest.objects.of(current_seller(request)).order_by("-received_at")
    return render(request, "portal/request_list.html", {"requests": requests})


@seller_required
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access_request = get_object_or_404(AccessRequest.objects.of(current_seller(request)), pk=pk)
    return render(
        request,
        "portal/request_detail.html",
        {
            "access_request": access_request,
            "thread": access_request.messages.select_related("author"),
            "answer_form": MessageForm(),
            "submitted": Eligibility.from_snapshot(access_request.eligibility_at_submission),
            "can_answer": access_request.status == RequestStatus.NEEDS_INFO,
            "can_withdraw": access_request.status
            in (RequestStatus.SUBMITTED, RequestStatus.NEEDS_INFO),
        },
    )


@require_POST
@seller_required
def request_answer(request: HttpRequest, pk: int) -> HttpResponse:
    access_request = get_object_or_404(AccessRequest.objects.of(current_seller(request)), pk=pk)
    form = MessageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write your answer to the desk's question."))
        return redirect("portal:request_detail", pk)
    try:
        access.request_answer(
            actor=Actor.from_request(request),
            request=access_request,
            message=form.cleaned_data["message"],
        )
    except Refusal as error:
        messages.error(request, error.text())
    else:
        messages.success(request, _("Your answer was sent to the desk."))
    return redirect("portal:request_detail", pk)


@require_POST
@seller_required
def request_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    access_request = get_object_or_404(AccessRequest.objects.of(current_seller(request)), pk=pk)
    if not confirmed(request):
        return confirmation(
            request,
            base="portal/base.html",
            title=_("Withdraw request #%(pk)d?") % {"pk": pk},
            consequence=_(
                "The desk stops handling request #%(pk)d. To get what it asks for later, you "
                "apply again and the desk reviews it anew."
            )
            % {"pk": pk},
            button=_("Withdraw the request"),
            cancel_url=reverse("portal:request_detail", args=[pk]),
        )
    try:
        access.request_withdraw(actor=Actor.from_request(request), request=access_request)
    except Refusal as error:
        messages.error(request, error.text())
    else:
        messages.success(request, _("The request was withdrawn."))
    return redirect("portal:request_detail", pk)
