"""Files of a seller's own records (RequestFileDownload): asked, written, fetched."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from sellergate.bulk import exports, services
from sellergate.bulk.exports import ExportRefused
from sellergate.bulk.models import ExportStatus
from sellergate.core.actors import Actor
from tests.factories import OrderFactory, ProductFactory, SellerUserFactory

pytestmark = pytest.mark.django_db

JST = ZoneInfo("Asia/Tokyo")
SHOP = Actor.system("test")


def rows(export) -> list[list[str]]:
    data = Path(export.path).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel opens UTF-8 with its mark as UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_a_request_is_recorded_and_queued_then_written_and_mailed(
    django_capture_on_commit_callbacks,
) -> None:
    product = ProductFactory(seller_code="MUG-1", price=1200, quantity=3)
    ProductFactory(seller_code="OTHER-SELLERS")  # another seller's: not in the file
    with django_capture_on_commit_callbacks(execute=True):
        export = services.export_request(
            actor=SHOP, seller=product.seller, kind="item", email="shop@example.com"
        )
    task = DBTaskResult.objects.get()
    assert task.task_path == "sellergate.bulk.tasks.produce_export"
    assert export.status == ExportStatus.QUEUED
    done = exports.export_produce(export.pk)
    assert done.status == ExportStatus.DONE
    table = rows(done)
    assert table[0][:3] == ["ItemCode", "SellerCode", "ItemStatus"]
    assert [r[1] for r in table[1:]] == ["MUG-1"]
    assert done.rows == 1
    assert len(mail.outbox) == 1
    assert exports.download_url(done) in mail.outbox[0].body
    assert exports.export_produce(export.pk).finished_at == done.finished_at  # once


def test_inventory_rows_one_per_option() -> None:
    product = ProductFactory(
        options=[
            {"name1": "色", "value1": "赤", "name2": "", "value2": "", "price": 0, "qty": 2},
            {"name1": "色", "value1": "青", "name2": "", "value2": "", "price": 50, "qty": 1},
        ]
    )
    export = services.export_request(actor=SHOP, seller=product.seller, kind="inventory")
    table = rows(exports.export_produce(export.pk))
    assert [r[2:4] + r[5:] for r in table[1:]] == [["色", "赤", "0", "2"], ["色", "青", "50", "1"]]


def test_orders_and_shipments_in_a_window_of_japan_dates() -> None:
    seller = SellerUserFactory().seller
    inside = dt.datetime(2026, 11, 20, 0, 30, tzinfo=JST)  # 19 November in UTC
    OrderFactory(seller=seller, order_no="IN", ordered_at=inside, shipped_at=inside)
    OrderFactory(seller=seller, order_no="OUT", ordered_at=inside - dt.timedelta(days=2))
    window = {"from_date": dt.date(2026, 11, 20), "to_date": dt.date(2026, 11, 21)}
    orders = services.export_request(actor=SHOP, seller=seller, kind="order", **window)
    table = rows(exports.export_produce(orders.pk))
    assert [(r[0], r[1]) for r in table[1:]] == [("IN", "2026-11-20 00:30:00")]
    shipped = services.export_request(actor=SHOP, seller=seller, kind="ship", **window)
    assert [r[0] for r in rows(exports.export_produce(shipped.pk))[1:]] == ["IN"]


def test_a_window_that_ends_before_it_begins_is_refused() -> None:
    seller = SellerUserFactory().seller
    with pytest.raises(ExportRefused):
        services.export_request(
            actor=SHOP,
            seller=seller,
            kind="order",
            from_date=dt.date(2026, 11, 21),
            to_date=dt.date(2026, 11, 20),
        )


def test_the_seller_center_says_wait_then_gives_the_file(client) -> None:
    user = SellerUserFactory()
    ProductFactory(seller=user.seller)
    export = services.export_request(actor=SHOP, seller=user.seller, kind="item")
    client.force_login(user)
    waiting = client.get(f"/seller/products/bulk/exports/{export.pk}/")
    assert waiting.status_code == 202
    exports.export_produce(export.pk)
    ready = client.get(f"/seller/products/bulk/exports/{export.pk}/")
    assert ready.status_code == 200
    assert ready["Content-Disposition"].startswith('attachment; filename="item.')
    assert b"".join(ready.streaming_content).startswith(b"\xef\xbb\xbfItemCode")
