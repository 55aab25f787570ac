"""GetShippingInfo_Logistics: v3's rows, filtered by whether the buyer edited the receiver."""

from __future__ import annotations

import pytest

from tests.factories import OrderFactory
from tests.qapi.client import QapiClient, django_transport
from tests.qapi.conftest import sak_for

pytestmark = pytest.mark.django_db


def test_receiver_info_edit_yn_keeps_the_orders_it_names(client, shop) -> None:
    api = QapiClient(django_transport(client))
    sak = sak_for(api, shop)
    OrderFactory(seller=shop.seller, order_no="8100001", receiver_edited=True, pack_no="8100001")
    OrderFactory(seller=shop.seller, order_no="8100002", receiver_edited=False, pack_no="8100001")
    name = "ShippingBasic.GetShippingInfo_Logistics"
    every = api.ok(name, sak)
    edited = api.ok(name, sak, ReceiverInfoEditYN="Y")
    others = api.ok(name, sak, ReceiverInfoEditYN="N")
    assert sorted(row["OrderNo"] for row in every) == [8100001, 8100002]
    assert [(row["OrderNo"], row["RelatedOrder"]) for row in edited] == [(8100001, "8100002")]
    assert [(row["OrderNo"], row["RelatedOrder"]) for row in others] == [(8100002, "8100001")]
