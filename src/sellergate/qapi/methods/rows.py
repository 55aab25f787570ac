"""What the bulk methods share: a JSON parameter of rows, each applied to one of the
seller's items in its own savepoint, a result row per input row.

The guide's answer for these (``Count``/``Keys``/``Values``) is a .NET dictionary seen
only through reflection; what is answered instead is one row per input row, with the
``ItemCode`` and ``SellerCode`` it named (so a client can match them up), its
``ResultCode`` and ``ResultMsg``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction

from sellergate.catalog import selectors
from sellergate.catalog.models import Product
from sellergate.core.errors import Refusal
from sellergate.qapi.codes import refusal_result
from sellergate.qapi.params import Param, ParamError, json_rows, parse
from sellergate.qapi.registry import Call

MAX_ROWS = 500


def each_row(
    call: Call,
    name: str,
    params: tuple[Param, ...],
    apply: Callable[[Product, dict[str, Any]], object],
) -> list[dict[str, Any]]:
    """Apply ``apply`` to the item each row of the JSON parameter ``name`` names."""
    assert call.seller is not None
    entries = json_rows(name, call.params[name], max_rows=MAX_ROWS)
    names = {p.field: p.name for p in params if p.field}
    results = []
    for entry in entries:
        given = {str(k).lower(): "" if v is None else str(v) for k, v in entry.items()}
        row: dict[str, Any] = {
            "ItemCode": given.get("itemcode", ""),
            "SellerCode": given.get("sellercode", ""),
        }
        try:
            values = parse(params, given)
            with transaction.atomic():  # one row's refusal undoes only that row
                product = selectors.product_get(
                    call.seller,
                    item_code=values.get("ItemCode", ""),
                    seller_code=values.get("SellerCode", ""),
                    for_update=True,
                )
                apply(product, values)
            row.update(ItemCode=product.item_code or "", ResultCode=0, ResultMsg="SUCCESS")
        except ParamError as error:
            row.update(ResultCode=int(error.code), ResultMsg=error.message)
        except Refusal as refusal:
            code, message = refusal_result(refusal, names)
            row.update(ResultCode=code, ResultMsg=message)
        results.append(row)
    return results
