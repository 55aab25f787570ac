"""ItemsLookup: read items and the seller's shipping groups."""

from __future__ import annotations

import math
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sellergate.bulk import exports
from sellergate.bulk import services as bulk_services
from sellergate.bulk.models import ExportKind
from sellergate.catalog import options, selectors
from sellergate.catalog.models import ItemStatus, ShippingGroup
from sellergate.qapi.methods.item_fields import (
    IDENTIFY,
    call_product,
    item_info,
)
from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call, method

PAGE_SIZE = 500


@method(
    "ItemsLookup.GetItemDetailInfo",
    notes=gettext_lazy(
        "SettlePrice is the item price (no commission is known here); ListedDate and ChangedDate "
        "are Japan time; Weight, EnlargedImages, AdditionalOption, ItemType and Options follow the"
        " guide's fields."
    ),
    versions=("1.1", "1.2"),
    params=IDENTIFY,
    summary=gettext_lazy("One item's details, by item code or seller item code."),
)
def get_item_detail_info(call: Call) -> list[dict[str, Any]]:
    return [item_info(call_product(call))]


@method(
    "ItemsLookup.GetGoodsOptionInfo",
    params=IDENTIFY,
    summary=gettext_lazy("An item's additional (add-on) options."),
)
def get_goods_option_info(call: Call) -> list[dict[str, Any]]:
    product = call_product(call)
    return [
        {
            "Name": row["name"],
            "Value": row["value"],
            "Price": row["price"],
            "OptionCode": row["code"],
        }
        for row in options.parse_additional(product.additional_option)
    ]


@method(
    "ItemsLookup.GetGoodsInventoryInfo",
    notes=gettext_lazy(
        "Options have one or two levels here, so Name3 to Value5 are empty; ItemTypeCode is your "
        "option code."
    ),
    params=IDENTIFY,
    summary=gettext_lazy("An item's inventory: price and stock per option."),
)
def get_goods_inventory_info(call: Call) -> list[dict[str, Any]]:
    """Name1–Value5 as the guide has them; sellergate's options have one or two levels,
    so Name3–Value5 are empty. ItemTypeCode is the seller's option code."""
    product = call_product(call)
    rows = []
    for row in product.options:
        answer: dict[str, Any] = {}
        for level in range(1, 6):
            answer[f"Name{level}"] = row.get(f"name{level}", "")
            answer[f"Value{level}"] = row.get(f"value{level}", "")
        answer.update(Price=row["price"], Qty=row["qty"], ItemTypeCode=row.get("code", ""))
        rows.append(answer)
    return rows


@method(
    "ItemsLookup.GetAllGoodsInfo",
    notes=gettext_lazy("ItemStatus may be left out: every item is listed."),
    params=(
        Param(
            "ItemStatus",
            type="choice",
            choices=tuple(ItemStatus.values),
            help=gettext_lazy(
                "S0 awaiting review, S1 not on sale, S2 on sale, S3 discontinued, "
                "S5 restricted, S8 rejected at review; empty = all (sellergate's leniency)."
            ),
        ),
        Param("Page", type="int", minimum=1, maximum=9_999_999_999),
    ),
    summary=gettext_lazy("Your items, 500 a page."),
)
def get_all_goods_info(call: Call) -> dict[str, Any]:
    """The guide makes ItemStatus required; absent, every item is listed, which no client
    that sends it can notice (and early versions of our own clients relied on)."""
    assert call.seller is not None
    products = selectors.seller_products(call.seller).order_by("pk")
    if "ItemStatus" in call.params:
        products = products.filter(status=call.params["ItemStatus"])
    total = products.count()
    page = call.params.get("Page", 1)
    rows = products[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    return {
        "TotalItems": total,
        "TotalPages": math.ceil(total / PAGE_SIZE),
        "PresentPage": page,
        "Items": [item_info(p) for p in rows],
    }


def _shipping_type(group: ShippingGroup) -> str:
    if group.fee == 0:
        return "Free"
    return "Free on condition" if group.free_over else "Charge"


@method(
    "ItemsLookup.GetSellerDeliveryGroupInfo",
    notes=gettext_lazy(
        "ShippingType is Free, Charge or Free on condition; every group ships within Japan (Region"
        " JP, Oversea N); transcName is the carrier."
    ),
    summary=gettext_lazy("Your shipping groups, for ShippingNo."),
)
def get_seller_delivery_group_info(call: Call) -> list[dict[str, Any]]:
    """ShippingType is one of the guide's Free / Charge / Free on condition; every group
    ships within Japan (Region JP, Oversea N); transcName is the carrier."""
    groups = ShippingGroup.objects.of(call.seller).order_by("number")
    return [
        {
            "ShippingNo": g.number,
            "ShippingName": g.name,
            "ShippingFee": g.fee,
            "ShippingType": _shipping_type(g),
            "FreeCondition": g.free_over or 0,
            "Region": "JP",
            "Oversea": "N",
            "transcName": g.carrier,
            "DeliveryCompany": g.carrier,
        }
        for g in groups
    ]


@method(
    "ItemsLookup.RequestFileDownload",
    notes=gettext_lazy(
        "The file is CSV in UTF-8 with a byte-order mark, the API's field names as its header; "
        "DownloadURL is its page in the seller center (log-in needed), answering 202 until it is "
        "written. Without dates, orders and shipments of the last 30 days."
    ),
    writes=True,
    params=(
        Param(
            "apply_type",
            type="choice",
            choices=tuple(ExportKind.values),
            required=True,
            help=gettext_lazy("item, inventory (options), order or ship."),
        ),
        Param("email", max_length=100, help=gettext_lazy("Mailed when the file is ready.")),
        Param("target_from_dt", type="date", max_length=10, formats=("%Y/%m/%d", "%Y-%m-%d")),
        Param("target_to_dt", type="date", max_length=10, formats=("%Y/%m/%d", "%Y-%m-%d")),
    ),
    summary=gettext_lazy("Ask for a file of your items, options, orders or shipments."),
)
def request_file_download(call: Call) -> list[dict[str, Any]]:
    """The worker writes the file (bulk/exports.py); DownloadURL is its page in the
    seller center, which answers "being prepared" until it is written, then the file.
    The dates are Japan dates, YYYY/MM/DD as the guide has them (YYYY-MM-DD too)."""
    assert call.seller is not None
    export = bulk_services.export_request(
        actor=call.actor,
        seller=call.seller,
        kind=call.params["apply_type"],
        email=call.params.get("email", ""),
        from_date=call.params.get("target_from_dt"),
        to_date=call.params.get("target_to_dt"),
    )
    return [
        {
            "DownloadType": export.kind,
            "DownloadURL": exports.download_url(export),
            "DownloadExplain": str(
                _("Being prepared; the file is at this URL in the seller center when ready.")
            ),
        }
    ]
