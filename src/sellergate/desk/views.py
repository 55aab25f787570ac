from __future__ import annotations

from typing import cast

from django.contrib.auth import views as auth_views
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse_lazy

from sellergate.accounts.forms import OperatorLoginForm
from sellergate.accounts.roles import operator_required
from sellergate.sellers.eligibility import evaluate_eligibility
from sellergate.sellers.models import Seller
from sellergate.sellers.selectors import sellers_with_standing


class LoginView(auth_views.LoginView):
    template_name = "desk/login.html"
    authentication_form = OperatorLoginForm
    next_page = cast("str", reverse_lazy("desk:request_queue"))  # lazy: resolved when used


STANDING_FILTERS = {"eligible": Q(eligible=True), "blocked": Q(eligible=False)}


@operator_required
def seller_list(request: HttpRequest) -> HttpResponse:
    sellers = sellers_with_standing()
    query = request.GET.get("q", "").strip()
    if query:
        sellers = sellers.filter(Q(login_id__icontains=query) | Q(shop_name__icontains=query))
    standing = request.GET.get("standing", "")
    if standing in STANDING_FILTERS:
        sellers = sellers.filter(STANDING_FILTERS[standing])
    return render(
        request,
        "desk/seller_list.html",
        {"sellers": sellers, "query": query, "standing": standing},
    )


@operator_required
def seller_detail(request: HttpRequest, login_id: str) -> HttpResponse:
    seller = get_object_or_404(Seller, login_id=login_id)
    return render(
        request,
        "desk/seller_detail.html",
        {
            "seller": seller,
            "eligibility": evaluate_eligibility(seller),
            "keys": seller.api_keys.order_by("-created_at"),
            "ftp_accounts": seller.ftp_accounts.order_by("-requested_at"),
        },
    )
