"""What every change to a seller's order, question or claim does: find the record of
that seller locked (or refuse, naming the field), and save the changed fields with one
audit event of what changed."""

from __future__ import annotations

from sellergate.audit.services import audit_record
from sellergate.audit.snapshots import changed, field_values
from sellergate.core.actors import Actor
from sellergate.core.errors import FieldError
from sellergate.core.errors import Message as _
from sellergate.sellers.models import Claim, CustomerQuestion, Order, Seller


def locked[M: (Order, CustomerQuestion, Claim)](
    model: type[M], seller: Seller, field: str, number: str
) -> M:
    record = model.objects.select_for_update().of(seller).filter(**{field: number}).first()
    if record is None:
        raise FieldError(
            field, _("No %(number)s among your records.") % {"number": number}, code="not_found"
        )
    return record


def at_most(field: str, value: str, limit: int) -> None:
    """Refuse ``value`` longer than ``limit``, naming ``field``."""
    if len(value) > limit:
        raise FieldError(field, _("At most %(n)d characters.") % {"n": limit})


def save_audited(
    actor: Actor,
    action: str,
    record: Order | CustomerQuestion | Claim,
    before: dict[str, object],
    fields: tuple[str, ...],
    *,
    also: dict[str, object] | None = None,
) -> None:
    """Save ``fields`` of ``record`` and audit them (``also``: what else the same change
    did, e.g. the claim a cancellation recorded)."""
    record.save(update_fields=list(fields))
    old, new = changed(before, field_values(record, fields))
    audit_record(
        actor=actor,
        action=action,
        obj=record,
        seller=record.seller,
        before=old,
        after={**new, **(also or {})},
    )
