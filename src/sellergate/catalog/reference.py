"""Operators keep the category, brand, maker, style and TPO tables and each seller's
shipping groups.

One audited save for all of them (they are plain reference rows without a lifecycle).
"""

from __future__ import annotations

from django.db import transaction

from sellergate.audit.services import audit_record
from sellergate.audit.snapshots import changed, field_values
from sellergate.catalog.models import Brand, Category, Maker, ShippingGroup, StyleCode, TpoCode
from sellergate.core.actors import Actor

Reference = Category | Brand | Maker | ShippingGroup | StyleCode | TpoCode


def _fields(obj: Reference) -> list[str]:
    return [f.name for f in obj._meta.concrete_fields if f.name != "id"]


@transaction.atomic
def reference_save(*, actor: Actor, obj: Reference) -> Reference:
    """Validate and save a new or changed row; one audit event when something changed."""
    fields = _fields(obj)
    old = type(obj).objects.select_for_update().filter(pk=obj.pk).first() if obj.pk else None
    before = field_values(old, fields) if old is not None else None
    obj.full_clean()
    after = field_values(obj, fields)
    if before == after:
        return obj
    obj.save()
    noun = obj._meta.model_name
    old_values, new_values = changed(before or {}, after)
    audit_record(
        actor=actor,
        action=f"{noun}.update" if before is not None else f"{noun}.create",
        obj=obj,
        seller=getattr(obj, "seller", None),
        before=old_values if before is not None else None,
        after=new_values,
    )
    return obj
