"""ShippingBasic's writes: confirm orders (with an estimated shipping date), send them
(carrier and tracking number), one at a time or in bulk; report one delivered.

The bulk senders take the guide's JSON rows (``SendPlanDtInfoJson``,
``ShippingInfoJson``), each applied in its own savepoint by the single method's rules,
and answer one result row per input row: ``cont_no`` / ``contr_no`` (the order, as each
method's guide spells it), ``result_cd`` (0 or the refusal's code) and ``result_msg``.
Where the guide is silent or odd: up to 500 rows (its text; its schema's 10 looks like
a connector's limit), ``ResultMsg`` is the text "SUCCESS" (the guide types it Int32,
which no client can mean), and ``transc_nm`` echoes the carrier's name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy

from sellergate.qapi.methods.order_rows import number
from sellergate.qapi.methods.rows import MAX_ROWS, lowered, row_result
from sellergate.qapi.params import Param, json_rows
from sellergate.qapi.registry import Call, method
from sellergate.sellers import actions
from sellergate.sellers.models import Order

ORDER_NO = Param("OrderNo", required=True, max_length=30, field="order_no")
CONFIRM = (
    ORDER_NO,
    Param(
        "EstShipDt",
        type="date",
        field="estimated_ship_date",
        help=gettext_lazy("Estimated shipping date, yyyyMMdd; needs DelayType when late."),
    ),
    Param(
        "DelayType",
        type="choice",
        choices=tuple(actions.DELAY_TYPES),
        field="delay_type",
        help=gettext_lazy(
            "When shipping after the ship-by date: 1 still being prepared, 2 made to "
            "order, 3 at the customer's request, 4 other."
        ),
    ),
    Param("DelayMemo", max_length=actions.MAX_MEMO, field="delay_memo"),
)
SEND = (
    ORDER_NO,
    Param(
        "ShippingCorp",
        required=True,
        max_length=200,
        field="delivery_company",
        help=gettext_lazy("Carrier name, e.g. ヤマト運輸."),
    ),
    Param("TrackingNo", required=True, max_length=50, field="tracking_no"),
)


def _confirm(call: Call, values: dict[str, Any]) -> Order:
    assert call.seller is not None
    return actions.order_confirm(
        actor=call.actor,
        seller=call.seller,
        order_no=values["OrderNo"].strip(),
        estimated_ship_date=values.get("EstShipDt"),
        delay_type=values.get("DelayType", ""),
        delay_memo=values.get("DelayMemo", ""),
    )


def _send(call: Call, values: dict[str, Any]) -> Order:
    assert call.seller is not None
    return actions.order_ship(
        actor=call.actor,
        seller=call.seller,
        order_no=values["OrderNo"].strip(),
        delivery_company=values["ShippingCorp"],
        tracking_no=values["TrackingNo"],
    )


@method(
    "ShippingBasic.SetSellerCheckYN_V2",
    writes=True,
    params=CONFIRM,
    summary=gettext_lazy("Confirm an order (ShippingStatus 2 → 3), with its shipping date."),
)
def set_seller_check(call: Call) -> None:
    _confirm(call, call.params)


@method(
    "ShippingBasic.SetSendingInfo",
    writes=True,
    params=SEND,
    summary=gettext_lazy("Send an order: carrier and tracking number (→ 4); no longer late."),
)
def set_sending_info(call: Call) -> None:
    _send(call, call.params)


def _each_order(
    call: Call,
    name: str,
    params: tuple[Param, ...],
    apply: Callable[[Call, dict[str, Any]], Order],
    key: str,
    echo: tuple[tuple[str, str], ...] = (),
) -> list[dict[str, Any]]:
    """``echo``: (answer field, row field) pairs answered back as the row gave them."""
    results = []
    for entry in json_rows(name, call.params[name], max_rows=MAX_ROWS):
        given = lowered(entry)
        row: dict[str, Any] = {key: number(given.get("orderno", "").strip())}
        row.update({field: given.get(source, "") for field, source in echo})
        code, message = row_result(params, given, lambda values: apply(call, values))
        results.append({**row, "result_cd": code, "result_msg": message})
    return results


ROWS_HELP = gettext_lazy("A JSON array of rows, at most 500.")


@method(
    "ShippingBasic.SetSellerCheckYNBulk",
    writes=True,
    params=(Param("SendPlanDtInfoJson", required=True, help=ROWS_HELP),),
    summary=gettext_lazy("SetSellerCheckYN_V2 for many orders: a result row per order."),
)
def set_seller_check_bulk(call: Call) -> list[dict[str, Any]]:
    return _each_order(call, "SendPlanDtInfoJson", CONFIRM, _confirm, "cont_no")


@method(
    "ShippingBasic.SetSendingInfoBulk",
    writes=True,
    params=(Param("ShippingInfoJson", required=True, help=ROWS_HELP),),
    summary=gettext_lazy("SetSendingInfo for many orders: a result row per order."),
)
def set_sending_info_bulk(call: Call) -> list[dict[str, Any]]:
    return _each_order(
        call, "ShippingInfoJson", SEND, _send, "contr_no", echo=(("transc_nm", "shippingcorp"),)
    )


@method(
    "ShippingBasic.SetSendingComplete",
    writes=True,
    params=(ORDER_NO,),
    summary=gettext_lazy("Report a shipped order delivered (→ 5)."),
    notes=gettext_lazy(
        "Live but undocumented; sellergate's reading of its name: the seller reports a "
        "shipped order delivered, for carriers without tracking."
    ),
)
def set_sending_complete(call: Call) -> None:
    assert call.seller is not None
    actions.order_deliver(
        actor=call.actor, seller=call.seller, order_no=call.params["OrderNo"].strip()
    )
