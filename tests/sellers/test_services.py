from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from sellergate.audit.models import AuditEvent
from sellergate.sellers import services
from sellergate.sellers.models import Order, Seller
from tests.factories import SellerFactory

pytestmark = pytest.mark.django_db


def test_seller_create_validates_and_audits(actor) -> None:
    seller = services.seller_create(
        actor=actor,
        login_id="shop-a",
        shop_name="A",
        contact_email="a@example.com",
        service_points=-2,
    )
    event = AuditEvent.objects.get()
    assert (event.action, event.seller, event.actor_label) == ("seller.create", seller, "test")
    assert event.after["service_points"] == -2


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("login_id", "a"),
        ("login_id", "has space"),
        ("contact_email", "not-an-address"),
        ("review_status", "done"),
    ],
)
def test_seller_create_refuses_bad_values_and_changes_nothing(actor, field, value) -> None:
    data = {"login_id": "shop-a", "shop_name": "A", "contact_email": "a@example.com", field: value}
    with pytest.raises(ValidationError) as raised:
        services.seller_create(actor=actor, **data)
    assert field in raised.value.message_dict
    assert not Seller.objects.exists()
    assert not AuditEvent.objects.exists()


def test_seller_ids_that_differ_only_in_case_are_one_seller(actor) -> None:
    SellerFactory(login_id="Shop-Case")
    with pytest.raises(ValidationError, match="大文字と小文字"):
        services.seller_create(
            actor=actor, login_id="shop-case", shop_name="B", contact_email="b@example.com"
        )
    assert Seller.objects.count() == 1
    assert not AuditEvent.objects.exists()


def test_the_database_itself_refuses_a_second_seller_in_other_case() -> None:
    from django.db import IntegrityError, transaction

    SellerFactory(login_id="SHOP-DB")
    with pytest.raises(IntegrityError), transaction.atomic():
        Seller.objects.create(login_id="shop-db", shop_name="x", contact_email="x@example.com")


def test_seller_update_records_only_what_changed(actor) -> None:
    seller = SellerFactory(service_points=5)
    services.seller_update(
        actor=actor, seller=seller, changes={"service_points": -1, "shop_name": seller.shop_name}
    )
    event = AuditEvent.objects.get()
    assert (event.before, event.after) == ({"service_points": 5}, {"service_points": -1})
    services.seller_update(actor=actor, seller=seller, changes={"service_points": -1})
    assert AuditEvent.objects.count() == 1


def test_seller_update_never_changes_the_login_id(actor) -> None:
    seller = SellerFactory()
    with pytest.raises(ValueError, match="login_id"):
        services.seller_update(actor=actor, seller=seller, changes={"login_id": "other"})


def test_order_upsert_is_idempotent(actor) -> None:
    seller = SellerFactory()
    kwargs = {
        "actor": actor,
        "seller": seller,
        "order_no": "1001",
        "ordered_at": timezone.now(),
        "ship_by": timezone.localdate(),
    }
    first = services.order_upsert(**kwargs)
    again = services.order_upsert(**kwargs)
    assert first.pk == again.pk
    assert Order.objects.count() == 1
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["order.create"]
    services.order_upsert(**{**kwargs, "shipped_at": timezone.now()})
    assert AuditEvent.objects.filter(action="order.update").count() == 1


def test_order_upsert_refuses_bad_values_and_changes_nothing(actor) -> None:
    seller = SellerFactory()
    with pytest.raises(ValidationError) as raised:
        services.order_upsert(
            actor=actor,
            seller=seller,
            order_no="x" * 31,
            ordered_at=timezone.now(),
            ship_by=dt.date.today(),
        )
    assert "order_no" in raised.value.message_dict
    assert not Order.objects.exists()
