"""E-mails of the credentials domain, in the seller's language (its first user's)."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from sellergate.credentials.models import ApiKey
from sellergate.sellers.eligibility import Eligibility
from sellergate.sellers.models import Seller

log = logging.getLogger(__name__)


def _language(seller: Seller) -> str:
    member = seller.members.filter(is_active=True).order_by("pk").first()
    return member.language if member is not None else settings.LANGUAGE_CODE


def _send(seller: Seller, template: str, context: dict[str, Any]) -> None:
    with translation.override(_language(seller)):
        context = {"seller": seller, "base_url": settings.BASE_URL, **context}
        subject = render_to_string(f"credentials/mail/{template}_subject.txt", context).strip()
        body = render_to_string(f"credentials/mail/{template}.txt", context)
    try:
        send_mail(subject, body, None, [seller.contact_email])
    except OSError:
        log.exception("could not send the %s e-mail", template)


def standing_warning(*, seller: Seller, eligibility: Eligibility) -> None:
    _send(seller, "standing_warning", {"eligibility": eligibility})


def key_leaked(*, key: ApiKey, url: str, source: str) -> None:
    transaction.on_commit(
        lambda: _send(key.seller, "key_leaked", {"key": key, "url": url, "source": source})
    )


def key_expiring(*, key: ApiKey, days: int) -> None:
    _send(key.seller, "key_expiring", {"key": key, "days": days})
