from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from sellergate.audit.models import AuditEvent
from sellergate.catalog.models import Brand, ShippingGroup
from sellergate.catalog.reference import reference_save
from tests.factories import SellerFactory

pytestmark = pytest.mark.django_db


def test_reference_rows_are_saved_validated_and_audited(actor) -> None:
    brand = reference_save(actor=actor, obj=Brand(number="7", name="陶房"))
    brand.name = "陶房みどり"
    reference_save(actor=actor, obj=brand)
    reference_save(actor=actor, obj=brand)  # unchanged: no event
    events = AuditEvent.objects.filter(object_type="catalog.brand").order_by("pk")
    assert [(e.action, e.after) for e in events] == [
        ("brand.create", {"number": "7", "name": "陶房", "name_en": ""}),
        ("brand.update", {"name": "陶房みどり"}),
    ]
    with pytest.raises(ValidationError):
        reference_save(actor=actor, obj=ShippingGroup(seller=SellerFactory(), number=0, name=""))
