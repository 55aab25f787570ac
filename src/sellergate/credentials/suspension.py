"""A seller's credentials stopped and resumed, by an operator or the standing check.

Suspension is a mark on the seller (``Seller.suspended_at``) that every verification
reads: API keys, seller authorization keys and FTP log-ins all stop at once, and the
FTP server asks again at each command. The standing marks (``out_of_standing_since``)
are the standing check's (``standing``). Every change of those ``Seller`` fields is here.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sellergate.audit.services import audit_record
from sellergate.core.actors import Actor
from sellergate.credentials import cache
from sellergate.credentials.errors import CredentialError
from sellergate.sellers.models import Seller


def credentials_suspend(
    *, actor: Actor, seller: Seller, reason: str, by_standing: bool = False
) -> Seller:
    """Stop every API key, seller authorization key and FTP log-in of the seller."""
    if not reason.strip():
        raise CredentialError(_("Give a reason."))
    with transaction.atomic():
        seller = Seller.objects.select_for_update().get(pk=seller.pk)
        if seller.suspended_at is not None:
            return seller
        seller.suspended_at = timezone.now()
        seller.suspension_reason = reason.strip()[:300]
        seller.suspended_by_standing = by_standing
        seller.save(update_fields=["suspended_at", "suspension_reason", "suspended_by_standing"])
        audit_record(
            actor=actor,
            action="credentials.suspend",
            obj=seller,
            seller=seller,
            after={"reason": seller.suspension_reason, "by_standing": by_standing},
        )
        cache.invalidate_after_commit()
    return seller


def credentials_resume(*, actor: Actor, seller: Seller, reason: str) -> Seller:
    with transaction.atomic():
        seller = Seller.objects.select_for_update().get(pk=seller.pk)
        if seller.suspended_at is None:
            return seller
        before = seller.suspension_reason
        seller.suspended_at = None
        seller.suspension_reason = ""
        seller.suspended_by_standing = False
        seller.save(update_fields=["suspended_at", "suspension_reason", "suspended_by_standing"])
        audit_record(
            actor=actor,
            action="credentials.resume",
            obj=seller,
            seller=seller,
            before={"reason": before},
            after={"reason": reason.strip()[:300]},
        )
        cache.invalidate_after_commit()
    return seller


def standing_lost(*, actor: Actor, seller: Seller, today: dt.date) -> dt.date:
    """Note the first day out of standing; returns it."""
    with transaction.atomic():
        locked = Seller.objects.select_for_update().get(pk=seller.pk)
        if locked.out_of_standing_since is None:
            locked.out_of_standing_since = today
            locked.save(update_fields=["out_of_standing_since"])
            audit_record(
                actor=actor,
                action="standing.lost",
                obj=locked,
                seller=locked,
                after={"since": today.isoformat()},
            )
        seller.out_of_standing_since = locked.out_of_standing_since
        return locked.out_of_standing_since


def standing_restored(*, actor: Actor, seller: Seller) -> None:
    """Clear the out-of-standing mark, and lift a suspension the standing check made."""
    with transaction.atomic():
        locked = Seller.objects.select_for_update().get(pk=seller.pk)
        if locked.out_of_standing_since is not None:
            locked.out_of_standing_since = None
            locked.save(update_fields=["out_of_standing_since"])
            audit_record(actor=actor, action="standing.restored", obj=locked, seller=locked)
        if locked.suspended_by_standing:
            credentials_resume(actor=actor, seller=locked, reason="standing restored")
