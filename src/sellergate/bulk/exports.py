"""Files of a seller's own records, asked for with the API's RequestFileDownload.

    Export: QUEUED → DONE | FAILED        (every change of an Export is here)

``services.export_request`` records the request (``export_record``) and queues
``tasks.produce_export``; the worker
writes the file (``export_produce``) and mails the address given, if any. The seller
fetches it from the seller center (``/seller/products/bulk/exports/<id>/``), logged in:
the URL the API answers is no secret.

The files are CSV in UTF-8 with a byte-order mark, so that Excel opens them as they are
(sellers open these in Excel), one header row of the API's own field names:

- ``item``: the items (ItemCode, SellerCode, ItemStatus, ItemTitle, SecondSubCat,
  ItemPrice, ItemQty, ExpireDate, ShippingNo);
- ``inventory``: one row per option (ItemCode, SellerCode, OptionName, OptionValue,
  OptionCode, Price, Qty);
- ``order``: orders placed in the window (target_from_dt/target_to_dt, Japan dates);
- ``ship``: orders shipped in the window, with carrier and tracking number.

Without a window, orders and shipments of the last 30 days are written.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from sellergate.audit.services import audit_record
from sellergate.bulk.models import Export, ExportKind, ExportStatus
from sellergate.catalog.models import Product
from sellergate.core import paths
from sellergate.core.actors import Actor
from sellergate.core.csvsafe import SafeWriter
from sellergate.core.errors import Message as _
from sellergate.core.errors import TranslatableError
from sellergate.sellers.models import Order, Seller

log = logging.getLogger(__name__)

ITEM_HEADER = [
    "ItemCode",
    "SellerCode",
    "ItemStatus",
    "ItemTitle",
    "SecondSubCat",
    "ItemPrice",
    "ItemQty",
    "ExpireDate",
    "ShippingNo",
]
INVENTORY_HEADER = [
    "ItemCode",
    "SellerCode",
    "OptionName",
    "OptionValue",
    "OptionCode",
    "Price",
    "Qty",
]
ORDER_HEADER = [
    "OrderNo",
    "OrderDate",
    "ItemCode",
    "SellerItemCode",
    "ItemTitle",
    "Qty",
    "Price",
    "ShippingDate",
    "DeliveryCompany",
    "TrackingNo",
]
DEFAULT_DAYS = 30
MAX_DAYS = 366
WORKER = Actor.system("worker")


class ExportRefused(TranslatableError):
    """An export that cannot be asked for as it is."""


def export_record(
    *,
    actor: Actor,
    seller: Seller,
    kind: str,
    email: str = "",
    from_date: dt.date | None = None,
    to_date: dt.date | None = None,
) -> Export:
    """A QUEUED export, inside the caller's transaction (``services.export_request``
    queues its task when it commits)."""
    if kind not in ExportKind.values:
        raise ExportRefused(_("apply_type is one of item, inventory, order, ship."))
    if from_date and to_date and to_date < from_date:
        raise ExportRefused(_("The window ends before it begins."))
    if from_date and to_date and (to_date - from_date).days > MAX_DAYS:
        raise ExportRefused(_("The window is at most %(days)d days."), days=MAX_DAYS)
    export = Export.objects.create(
        seller=seller, kind=kind, email=email, from_date=from_date, to_date=to_date
    )
    audit_record(
        actor=actor,
        action="export.request",
        obj=export,
        seller=seller,
        after={"kind": kind, "from": str(from_date or ""), "to": str(to_date or "")},
    )
    return export


def _window(export: Export) -> tuple[dt.datetime, dt.datetime]:
    zone = timezone.get_default_timezone()
    to_date = export.to_date or timezone.localdate()
    from_date = export.from_date or to_date - dt.timedelta(days=DEFAULT_DAYS)
    start = dt.datetime.combine(from_date, dt.time.min, zone)
    return start, dt.datetime.combine(to_date + dt.timedelta(days=1), dt.time.min, zone)


def _local(value: dt.datetime | None) -> str:
    return f"{timezone.localtime(value):%Y-%m-%d %H:%M:%S}" if value else ""


def _rows(export: Export) -> Iterator[list[Any]]:
    seller = export.seller
    if export.kind in (ExportKind.ITEM, ExportKind.INVENTORY):
        products = Product.objects.of(seller).select_related("category").order_by("pk")
        if export.kind == ExportKind.ITEM:
            yield ITEM_HEADER
            for p in products.iterator():
                yield [
                    p.item_code,
                    p.seller_code,
                    p.status,
                    p.title,
                    p.category.code,
                    p.price,
                    p.quantity,
                    p.sale_ends_on or "",
                    p.shipping_no,
                ]
            return
        yield INVENTORY_HEADER
        for p in products.iterator():
            for o in p.options:
                names = "||*".join(n for n in (o.get("name1"), o.get("name2")) if n)
                values = "||*".join(v for v in (o.get("value1"), o.get("value2")) if v)
                code, price, qty = o.get("code", ""), o.get("price", 0), o.get("qty", 0)
                yield [p.item_code, p.seller_code, names, values, code, price, qty]
        return
    start, end = _window(export)
    field = "ordered_at" if export.kind == ExportKind.ORDER else "shipped_at"
    orders = Order.objects.of(seller).filter(**{f"{field}__gte": start, f"{field}__lt": end})
    yield ORDER_HEADER
    for o in orders.order_by(field, "pk").iterator():
        yield [
            o.order_no,
            _local(o.ordered_at),
            o.item_code,
            o.seller_item_code,
            o.item_title,
            o.quantity,
            o.price,
            _local(o.shipped_at),
            o.delivery_company,
            o.tracking_no,
        ]


def export_produce(export_id: int) -> Export:
    """QUEUED → DONE (the file written) or FAILED (the reason kept); idempotent."""
    export = Export.objects.select_related("seller").get(pk=export_id)
    if export.status != ExportStatus.QUEUED:
        return export
    name = f"{export.kind}.{timezone.localtime():%Y%m%d%H%M%S}.e{export.pk}.csv"
    target = paths.export_file(export.seller.login_id, name)
    try:
        count = 0
        with target.open("w", encoding="utf-8-sig", newline="") as out:
            writer = SafeWriter(out)  # item names and codes are the sellers' text
            for count, row in enumerate(_rows(export)):  # noqa: B007 - the header is row 0
                writer.writerow(row)
    except OSError as error:
        log.exception("export %s could not be written", export.pk)
        target.unlink(missing_ok=True)
        return _finish(export, ExportStatus.FAILED, error=error.strerror or "write failed")
    export.path, export.rows = str(target), count
    finished = _finish(export, ExportStatus.DONE)
    if export.email:
        _mail(finished)
    return finished


def _finish(export: Export, status: str, *, error: str = "") -> Export:
    with transaction.atomic():
        export.status = status
        export.error = error[:500]
        export.finished_at = timezone.now()
        export.save(update_fields=["status", "error", "finished_at", "path", "rows"])
        audit_record(
            actor=WORKER,
            action=f"export.{status}",
            obj=export,
            seller=export.seller,
            after={"rows": export.rows, "error": export.error},
        )
    return export


def download_url(export: Export) -> str:
    return f"{settings.BASE_URL.rstrip('/')}/seller/products/bulk/exports/{export.pk}/"


def _mail(export: Export) -> None:
    subject = str(_("Your %(kind)s file is ready") % {"kind": export.get_kind_display()})
    body = str(
        _("The file you asked for (%(rows)d rows) is ready in the seller center: %(url)s")
        % {"rows": export.rows, "url": download_url(export)}
    )
    try:
        send_mail(subject, body, None, [export.email])
    except OSError:
        log.exception("could not mail export %s", export.pk)
