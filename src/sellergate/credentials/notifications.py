"""E-mails of the credentials domain, in the seller's language (its first user's)."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from sellergate.credentials.models import ApiKey, KeyStatus
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


def send_due_expiry_notices(*, now: dt.datetime) -> int:
    """One notice per key and threshold (e.g. 14, 7 and 1 days before it expires)."""
    sent = 0
    thresholds = sorted(settings.API_KEY_EXPIRY_NOTICE_DAYS, reverse=True)
    horizon = now + dt.timedelta(days=max(thresholds, default=0))
    keys = ApiKey.objects.filter(
        status=KeyStatus.ACTIVE, expires_at__gt=now, expires_at__lte=horizon
    )
    for key in keys.select_related("seller"):
        days_left = (key.expires_at - now).days + 1
        due = [t for t in thresholds if days_left <= t and t not in key.expiry_notices_sent]
        if not due:
            continue
        # One mail even when several thresholds were passed at once (a worker that was off).
        ApiKey.objects.filter(pk=key.pk).update(
            expiry_notices_sent=[*key.expiry_notices_sent, *due]
        )
        _send(key.seller, "key_expiring", {"key": key, "days": days_left})
        sent += 1
    return sent
