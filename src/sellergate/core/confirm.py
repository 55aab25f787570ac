"""The second step of an action that cannot be undone (revoke a key, set a new FTP
password, withdraw or reject a request, suspend a seller): the first POST answers a page
that says what will happen, asks for the reason there when one is needed, and carries
the rest of the form; its button sends the same form again, confirmed. No JavaScript is
needed, and nothing changes until the second POST.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

FIELD = "confirmed"
NOT_CARRIED = {"csrfmiddlewaretoken", FIELD}


def confirmed(request: HttpRequest) -> bool:
    return request.POST.get(FIELD) == "yes"


def confirmation(
    request: HttpRequest,
    *,
    base: str,
    title: Any,
    consequence: Any,
    button: Any,
    cancel_url: str,
    reason_label: Any = None,
    reason: str | None = None,
    merged: tuple[str, ...] = (),
) -> HttpResponse:
    """The page that asks; ``reason_label``: the action needs a reason, asked for here
    (what the first form had in it is filled in, or ``reason``: what the form's fields
    ``merged`` make of it, which are then not carried again)."""
    carried = [
        (name, value)
        for name, values in request.POST.lists()
        for value in values
        if name not in NOT_CARRIED
        and name not in merged
        and not (reason_label and name == "reason")
    ]
    return render(
        request,
        "confirm.html",
        {
            "base": base,
            "title": title,
            "consequence": consequence,
            "button": button,
            "cancel_url": cancel_url,
            "reason_label": reason_label,
            "reason": request.POST.get("reason", "") if reason is None else reason,
            "carried": carried,
            "action": request.path,
        },
    )
