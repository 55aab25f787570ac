"""Operators' per-seller API rate limits: set and removed through here, audited."""

from __future__ import annotations

from django.db import transaction

from sellergate.audit.services import audit_record
from sellergate.core.actors import Actor
from sellergate.qapi import ratelimit
from sellergate.qapi.models import SellerRateLimit
from sellergate.sellers.models import Seller


@transaction.atomic
def rate_limit_set(
    *, actor: Actor, seller: Seller, per_second: int, burst: int, note: str = ""
) -> SellerRateLimit:
    limit, _created = SellerRateLimit.objects.select_for_update().get_or_create(
        seller=seller, defaults={"per_second": per_second, "burst": burst, "note": note}
    )
    limit.per_second, limit.burst, limit.note = per_second, burst, note
    limit.full_clean()
    limit.save()
    audit_record(
        actor=actor,
        action="api_rate_limit.set",
        obj=limit,
        seller=seller,
        after={"per_second": per_second, "burst": burst, "note": note},
    )
    transaction.on_commit(ratelimit.reset)  # this process at once; others within a minute
    return limit


@transaction.atomic
def rate_limit_remove(*, actor: Actor, limit: SellerRateLimit) -> None:
    audit_record(
        actor=actor,
        action="api_rate_limit.remove",
        obj=limit,
        seller=limit.seller,
        before={"per_second": limit.per_second, "burst": limit.burst},
    )
    limit.delete()
    transaction.on_commit(ratelimit.reset)
