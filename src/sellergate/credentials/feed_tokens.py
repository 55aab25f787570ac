"""Tokens of the marketplace's order system, for its feed of orders, claims and inquiries.

Made and revoked by an operator (``sellergate feed_token``, the admin lists them); the
token is shown once, only the HMAC of its secret is kept (``tokens``). Each create and
revoke is one transaction and one audit event.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sellergate.audit.services import audit_record
from sellergate.core.actors import Actor
from sellergate.credentials import tokens
from sellergate.credentials.errors import CredentialError
from sellergate.credentials.models import FeedToken


def feed_token_create(*, actor: Actor, name: str) -> tuple[FeedToken, str]:
    """A new token; returns (record, token): the token is the only copy of the secret."""
    name = name.strip()
    if not name or len(name) > 60:
        raise CredentialError(_("Give the token a name of 1 to 60 characters (the system)."))
    token, parsed = tokens.generate(tokens.FEED_PREFIX)
    pepper_id, digest = tokens.hash_secret(parsed.secret)
    with transaction.atomic():
        record = FeedToken.objects.create(
            name=name,
            public_id=parsed.public_id,
            secret_hash=digest,
            pepper_id=pepper_id,
            last4=token[-4:],
        )
        audit_record(actor=actor, action="feed_token.create", obj=record, after={"name": name})
    return record, token


def feed_token_revoke(*, actor: Actor, public_id: str, now: dt.datetime | None = None) -> FeedToken:
    with transaction.atomic():
        record = FeedToken.objects.select_for_update().filter(public_id=public_id).first()
        if record is None or record.revoked_at is not None:
            raise CredentialError(_("No active order feed token with this id."))
        record.revoked_at = now or timezone.now()
        record.save(update_fields=["revoked_at"])
        audit_record(actor=actor, action="feed_token.revoke", obj=record, after={})
    return record


def feed_token_verify(token: str) -> FeedToken | None:
    """The live token ``token`` is, or None (malformed, unknown, revoked or wrong)."""
    try:
        parsed = tokens.parse(token, tokens.FEED_PREFIX)
    except (tokens.MalformedToken, tokens.BadChecksum):
        return None
    record = FeedToken.objects.filter(public_id=parsed.public_id, revoked_at__isnull=True).first()
    if record is None or not tokens.secret_matches(
        parsed.secret, record.pepper_id, record.secret_hash
    ):
        return None
    FeedToken.objects.filter(pk=record.pk).update(last_used_at=timezone.now())
    return record
