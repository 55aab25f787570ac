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


def row_result(
    params: tuple[Param, ...], given: dict[str, str], apply: Callable[[dict[str, Any]], object]
) -> tuple[int, str]:
    """One JSON row of a bulk method, read by the single method's ``params`` and applied
    in its own savepoint (its refusal undoes only that row): (result code, message)."""
    names = {p.field: p.name for p in params if p.field}
    try:
        values = parse(params, given)
        with transaction.atomic():
            apply(values)
    except ParamError as error:
        return int(error.code), error.message
    except Refusal as refusal:
        return refusal_result(refusal, names)
    return 0, "SUCCESS"


def lowered(entry: dict[str, Any]) -> dict[str, str]:
    """A JSON row's fields as parameters are read: names in lower case, values as text."""
    return {str(k).lower(): "" if v is None else str(v) for k, v in entry.items()}


def each_row(
    call: Call,
    name: str,
    params: tuple[Param, ...],
    apply: Callable[[Product, dict[str, Any]], object],
) -> list[dict[str, Any]]:
    """Apply ``apply`` to the item each row of the JSON parameter ``name`` names."""
    assert call.seller is not None
    seller = call.seller
    results = []
    for entry in json_rows(name, call.params[name], max_rows=MAX_ROWS):
        given = lowered(entry)
        row: dict[str, Any] = {
            "ItemCode": given.get("itemcode", ""),
            "SellerCode": given.get("sellercode", ""),
        }

        def on_item(values: dict[str, Any], row: dict[str, Any] = row) -> None:
            product = selectors.product_get(
                seller,
                item_code=values.get("ItemCode", ""),
                seller_code=values.get("SellerCode", ""),
                for_update=True,
            )
            apply(product, values)
            row["ItemCode"] = product.item_code or ""

        code, message = row_result(params, given, on_item)
        row.update(ResultCode=code, ResultMsg=message)
        results.append(row)
    return results
