"""Writing the audit log. Called by other services inside their transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

from sellergate.audit.models import AuditEvent
from sellergate.core.actors import Actor

if TYPE_CHECKING:
    from sellergate.sellers.models import Seller


def audit_record(
    *,
    actor: Actor,
    action: str,
    obj: models.Model,
    seller: Seller | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor.user,
        actor_label=actor.label[:150],
        source_address=actor.source_address,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        seller=seller,
        before=before,
        after=after,
    )
