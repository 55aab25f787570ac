"""The audit log as operators read it, filterable by seller and action."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sellergate.accounts.roles import operator_required
from sellergate.audit.models import AuditEvent

PAGE_SIZE = 100


@operator_required
def audit_log(request: HttpRequest) -> HttpResponse:
    events = AuditEvent.objects.select_related("seller")
    seller = request.GET.get("seller", "").strip()
    action = request.GET.get("action", "").strip()
    if seller:
        events = events.filter(seller__login_id=seller)
    if action:
        events = events.filter(action__startswith=action)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "desk/audit_log.html", {"page": page, "seller": seller, "action": action}
    )
