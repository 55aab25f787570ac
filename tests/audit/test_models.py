"""The audit log is append-only."""

from __future__ import annotations

import pytest

from sellergate.audit.models import AuditEvent
from sellergate.sellers import services

pytestmark = pytest.mark.django_db


def test_audit_events_cannot_be_changed_or_deleted(actor) -> None:
    services.seller_create(
        actor=actor, login_id="shop-b", shop_name="B", contact_email="b@example.com"
    )
    event = AuditEvent.objects.get()
    event.action = "tampered"
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        AuditEvent.objects.all().delete()
    with pytest.raises(TypeError):
        AuditEvent.objects.update(action="x")
    assert AuditEvent.objects.get().action == "seller.create"
