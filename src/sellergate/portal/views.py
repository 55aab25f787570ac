from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy

from sellergate.accounts.forms import SellerLoginForm
from sellergate.accounts.roles import seller_required
from sellergate.businessdays.calendar import load_calendar
from sellergate.portal.tenancy import current_seller
from sellergate.sellers.eligibility import evaluate_eligibility
from sellergate.sellers.standing import business_today


class LoginView(auth_views.LoginView):
    template_name = "portal/login.html"
    authentication_form = SellerLoginForm
    next_page = reverse_lazy("portal:home")


@seller_required
def home(request: HttpRequest) -> HttpResponse:
    seller = current_seller(request)
    today = business_today()
    calendar = load_calendar()
    return render(
        request,
        "portal/home.html",
        {
            "seller": seller,
            "eligibility": evaluate_eligibility(seller),
            "today": today,
            "today_closed_because": calendar.closed_because(today),
            "next_business_day": calendar.next_business_day(today),
        },
    )
