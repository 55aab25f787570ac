"""Seller authorization keys: an API key and a seller user's log-in exchanged for one.

The key is returned to be shown once and is kept as an HMAC; it dies with its API key
(``api_keys``) and with the user's password (checked at verification).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sellergate.accounts.throttle import login_locked_until
from sellergate.audit.services import audit_record
from sellergate.core.actors import Actor
from sellergate.credentials import tokens
from sellergate.credentials.errors import CredentialError
from sellergate.credentials.models import SellerAuthKey
from sellergate.credentials.verification import password_digest, verify_api_key


def sak_issue(
    *,
    api_key_token: str,
    login_id: str,
    password: str,
    source_address: str | None = None,
    now: dt.datetime | None = None,
) -> tuple[SellerAuthKey, str]:
    """Exchange an API key and a seller user's log-in for a seller authorization key.

    Raises ``KeyRejected`` for the API key, and ``CredentialError`` for a log-in that
    fails, without saying whether the user or the password was wrong."""
    now = now or timezone.now()
    verified = verify_api_key(api_key_token, source_address=source_address, now=now)
    if (until := login_locked_until(login_id, source_address)) is not None:
        raise CredentialError(
            _("Too many failed log-ins: this user ID is locked until %(when)s (Japan time).")
            % {"when": f"{timezone.localtime(until):%Y-%m-%d %H:%M}"}
        )
    user = authenticate(username=login_id, password=password, source_address=source_address)
    if user is None or not user.is_seller_user or user.seller_id != verified.seller_id:
        raise CredentialError(_("The user ID or the password is wrong."), failed_login=True)
    token, parsed = tokens.generate(tokens.SAK_PREFIX)
    pepper_id, digest = tokens.hash_secret(parsed.secret)
    with transaction.atomic():
        sak = SellerAuthKey.objects.create(
            api_key_id=verified.key_id,
            user=user,
            public_id=parsed.public_id,
            secret_hash=digest,
            pepper_id=pepper_id,
            password_digest=password_digest(user.password),
            expires_at=now + dt.timedelta(days=settings.SAK_LIFETIME_DAYS),
        )
        audit_record(
            actor=Actor(user=user, label=user.get_username(), source_address=source_address),
            action="seller_auth_key.issue",
            obj=sak,
            seller=user.seller,
            after={"api_key_id": verified.key_id, "expires_at": sak.expires_at.isoformat()},
        )
    return sak, token
