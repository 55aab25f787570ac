"""The marketplace's closure days, kept from the desk (年末年始, a company holiday): the
days ahead and the last month's, a form to close one day or a run of days, and a
removal that asks first. Through the business calendar's services (one transaction and
one audit event a day); the due dates of requests received from then on follow at once.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sellergate.accounts.roles import operator_required
from sellergate.businessdays.models import ClosureDay
from sellergate.businessdays.services import closure_add_range, closure_remove
from sellergate.core.actors import Actor
from sellergate.core.confirm import confirmation, confirmed
from sellergate.sellers.standing import business_today

#: The longest run closed at once: a typo in the year should not close a whole year.
MOST_DAYS = 31
SHOWN_PAST = dt.timedelta(days=31)


class ClosureForm(forms.Form):
    first = forms.DateField(
        label=gettext_lazy("First day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    last = forms.DateField(
        label=gettext_lazy("Last day"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("Empty for one day."),
    )
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        help_text=gettext_lazy("For example: 年末年始"),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        first, last = data.get("first"), data.get("last") or data.get("first")
        if isinstance(first, dt.date) and isinstance(last, dt.date):
            if last < first:
                self.add_error("last", _("The last day comes before the first."))
            elif (last - first).days + 1 > MOST_DAYS:
                self.add_error("last", _("At most %(n)s days at once.") % {"n": MOST_DAYS})
            data["last"] = last
        return data


def _page(request: HttpRequest, form: ClosureForm) -> HttpResponse:
    today = business_today()
    days = ClosureDay.objects.filter(date__gte=today - SHOWN_PAST)
    return render(
        request,
        "desk/closures.html",
        {
            "form": form,
            "past": [d for d in days if d.date < today],
            "ahead": [d for d in days if d.date >= today],
            "today": today,
        },
    )


@operator_required
def closures(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request, ClosureForm())
    if not request.user.has_perm("businessdays.add_closureday"):
        messages.error(request, _("You may not change the closure days."))
        return redirect("desk:closures")
    form = ClosureForm(request.POST)
    if not form.is_valid():
        return _page(request, form)
    data = form.cleaned_data
    try:
        added = closure_add_range(
            actor=Actor.from_request(request),
            first=data["first"],
            last=data["last"],
            name=data["name"],
        )
    except ValidationError as error:
        form.add_error(None, error)
        return _page(request, form)
    messages.success(
        request,
        _("%(n)s day(s) closed; days already closed were left as they were.") % {"n": len(added)},
    )
    return redirect("desk:closures")


@require_POST
@operator_required
def closure_delete(request: HttpRequest, pk: int) -> HttpResponse:
    closure = get_object_or_404(ClosureDay, pk=pk)
    if not request.user.has_perm("businessdays.delete_closureday"):
        messages.error(request, _("You may not change the closure days."))
        return redirect("desk:closures")
    if not confirmed(request):
        return confirmation(
            request,
            base="desk/base.html",
            title=_("Open %(day)s again?") % {"day": closure.date.isoformat()},
            consequence=_(
                "%(day)s (%(name)s) becomes a business day again, unless it is a weekend or a "
                "national holiday: requests received from now on may fall due on it."
            )
            % {"day": closure.date.isoformat(), "name": closure.name},
            button=_("Open the day"),
            cancel_url=reverse("desk:closures"),
        )
    closure_remove(actor=Actor.from_request(request), closure=closure)
    messages.success(request, _("%(day)s is open again.") % {"day": closure.date.isoformat()})
    return redirect("desk:closures")
