"""An item's further attributes — condition, purchase limits, seller discount, extra
delivery groups — checked and written into ``Product.extra`` under the item template's
own column keys where the template has them, so the API and the bulk files read and
write the same thing.

Each function returns the new ``extra`` for ``product_update``; refusals are
``CatalogError`` on the template's column key (each interface names its own field).

Mapping choices (the API's codes and the template's differ):

- condition: the API's ``ItemCondition`` N (new) is the template's
  ``item_condition_type`` 1; U (used) with ``UseCondition`` 1–6 (refurbished … not
  working) is 2–7, and U without one is "like new" (4), as the guide says.
- purchase limits: the API's ``LimitType`` 0 (per order) is the template's
  ``buy_limit_type`` 1 (per buyer per purchase), 1 (per buyer) is 2 (per buyer per
  day: the template's only per-buyer limit); ``LimitCnt`` is ``buy_limit_qty``, the
  end date ``buy_limit_date``. LimitType 0 with no count removes the limit.
- the seller discount has no template column; it is kept as ``discount`` (type, amount
  or percent, first and last day).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sellergate.catalog.errors import CatalogError
from sellergate.catalog.lookups import Lookups
from sellergate.catalog.models import Product
from sellergate.core.errors import Message as _

USED_LIKE_NEW = 3
CONDITION_NEW = 1
MAX_LIMIT = 999_999
MAX_PERCENT = 49
MAX_AMOUNT = 999_999_999


def with_condition(product: Product, *, used: bool, grade: int | None) -> dict[str, Any]:
    """A grade sent with a new item is ignored: clients send the field every time."""
    if not used:
        return {**product.extra, "item_condition_type": str(CONDITION_NEW)}
    grade = USED_LIKE_NEW if grade is None else grade
    if not 1 <= grade <= 6:
        raise CatalogError("item_condition_type", _("The used condition is from 1 to 6."))
    return {**product.extra, "item_condition_type": str(grade + 1)}


def with_order_limit(
    product: Product, *, per_buyer: bool, count: int | None, until: dt.date | None
) -> dict[str, Any]:
    extra = {
        k: v
        for k, v in product.extra.items()
        if k not in ("buy_limit_type", "buy_limit_qty", "buy_limit_date")
    }
    if count is None and not per_buyer:
        return extra  # no limit
    if count is None or not 1 <= count <= MAX_LIMIT:
        raise CatalogError(
            "buy_limit_qty",
            _("Give how many may be bought, from 1 to %(max)d.") % {"max": MAX_LIMIT},
        )
    extra.update(buy_limit_type="2" if per_buyer else "1", buy_limit_qty=str(count))
    if until is not None:
        extra["buy_limit_date"] = until.isoformat()
    return extra


def with_discount(
    product: Product,
    *,
    kind: str,
    amount: int | None,
    begins: dt.date | None,
    ends: dt.date | None,
) -> dict[str, Any]:
    """``kind`` 0 none (removes it), 1 percent (1–49), 2 yen off (0–999 999 999)."""
    extra = {k: v for k, v in product.extra.items() if k != "discount"}
    if kind == "0":
        return extra
    if amount is None:
        raise CatalogError("discount_amount", _("Give the discount (CostPrice)."))
    if kind == "1" and not 1 <= amount <= MAX_PERCENT:
        raise CatalogError(
            "discount_amount",
            _("A percentage discount is from 1 to %(max)d.") % {"max": MAX_PERCENT},
        )
    if kind == "2" and not 0 <= amount <= MAX_AMOUNT:
        raise CatalogError("discount_amount", _("A discount in yen is from 0 to 999999999."))
    if kind == "2" and amount >= product.price:
        raise CatalogError(
            "discount_amount",
            _("The discount must be less than the price (%(price)d yen).")
            % {"price": product.price},
        )
    if begins and ends and ends < begins:
        raise CatalogError("discount_ends", _("The last day comes before the first."))
    extra["discount"] = {
        "type": kind,
        "amount": amount,
        "begins": begins.isoformat() if begins else "",
        "ends": ends.isoformat() if ends else "",
    }
    return extra


def with_sub_delivery(
    product: Product, numbers: list[int | None], lookups: Lookups | None = None
) -> dict[str, Any]:
    """Up to two extra delivery groups a buyer may choose (0 or none: not offered)."""
    lookups = lookups or Lookups()
    chosen = []
    for position, number in enumerate(numbers, start=1):
        if not number:
            continue
        if not lookups.shipping_group(product.seller, number):
            raise CatalogError(
                f"sub_shipping_{position}",
                _("No shipping group %(number)d; see GetSellerDeliveryGroupInfo.")
                % {"number": number},
            )
        chosen.append(number)
    return {**product.extra, "sub_shipping_numbers": chosen}
