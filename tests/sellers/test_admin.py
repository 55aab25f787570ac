"""The operator's record pages (/desk/admin/) for orders: every field of the form is
saved through the feed's upsert, with one audit event."""

from __future__ import annotations

import pytest
from django.utils import timezone

from sellergate.audit.models import AuditEvent
from tests.factories import OperatorFactory, OrderFactory

pytestmark = pytest.mark.django_db


def test_an_operator_edits_an_orders_marketplace_fields(client) -> None:
    operator = OperatorFactory(is_superuser=True)
    client.force_login(operator)
    order = OrderFactory()
    url = f"/desk/admin/sellers/order/{order.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    # The form as the page filled it; a date and time field is two inputs (_0, _1).
    data = {}
    for name in form.fields:
        value = form[name].value()
        if name.endswith("_at"):
            moment = timezone.localtime(value) if value else None
            data[f"{name}_0"] = moment.date().isoformat() if moment else ""
            data[f"{name}_1"] = moment.time().isoformat() if moment else ""
        else:
            data[name] = "" if value is None else value
    data.update(buyer_kana="ヤマダ ハナコ", receiver_address2="101号室", discount=300)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    order.refresh_from_db()
    assert (order.buyer_kana, order.receiver_address2, order.discount) == (
        "ヤマダ ハナコ",
        "101号室",
        300,
    )
    event = AuditEvent.objects.get(action="order.update")
    assert set(event.after) >= {"buyer_kana", "receiver_address2", "discount"}
