"""E-mails about access requests, in each recipient's language.

Called by the services through ``transaction.on_commit``: a mail goes out only for a
change that really happened, and a failing mail server never undoes the change.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from sellergate.access.models import AccessRequest
from sellergate.businessdays.calendar import load_calendar

log = logging.getLogger(__name__)


def _send(*, template: str, to: list[str], language: str, context: dict[str, Any]) -> None:
    if not to:
        return
    with translation.override(language):
        subject = render_to_string(f"access/mail/{template}_subject.txt", context).strip()
        body = render_to_string(f"access/mail/{template}.txt", context)
    try:
        send_mail(subject, body, None, to)
    except OSError:
        # The request itself is saved; the desk and the seller see it on their pages.
        log.exception("could not send the %s e-mail for an access request", template)


def _seller_language(request: AccessRequest) -> str:
    user = request.submitted_by
    return user.language if user is not None else settings.LANGUAGE_CODE


def _to_seller(request: AccessRequest, template: str, **extra: Any) -> None:
    _send(
        template=template,
        to=[request.contact_email],
        language=_seller_language(request),
        context={
            "request": request,
            "url": settings.BASE_URL + reverse("portal:request_detail", args=[request.pk]),
            **extra,
        },
    )


def request_received(request: AccessRequest) -> None:
    calendar = load_calendar()
    late = calendar.after_cutoff(request.received_at) and calendar.cutoff is not None
    _to_seller(
        request,
        "received",
        cutoff=calendar.cutoff.strftime("%H:%M") if late and calendar.cutoff else "",
    )
    _to_operators(request)


def question_asked(request: AccessRequest, question: str) -> None:
    _to_seller(request, "question", question=question)


def request_decided(request: AccessRequest) -> None:
    _to_seller(request, "decided")


def seller_answered(request: AccessRequest, answer: str) -> None:
    """The seller answered the desk's question: the request is the desk's again."""
    _to_operators(request, "answered", answer=answer)


def _to_operators(request: AccessRequest, template: str = "new_request", **extra: Any) -> None:
    from sellergate.accounts.models import User

    by_language: dict[str, list[str]] = defaultdict(list)
    operators = User.objects.filter(is_staff=True, is_active=True).exclude(email="")
    for language, email in operators.values_list("language", "email"):
        by_language[language].append(email)
    url = settings.BASE_URL + reverse("desk:request_detail", args=[request.pk])
    for language, emails in sorted(by_language.items()):
        _send(
            template=template,
            to=sorted(emails),
            language=language,
            context={"request": request, "url": url, **extra},
        )
