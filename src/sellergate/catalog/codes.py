"""Item codes (the marketplace's GdNo): numbers from ``ITEM_CODE_BASE`` up, taken from a
one-row sequence under a row lock. A batch takes a block at once; codes of a batch that
rolls back are not reused (gaps, as in any database sequence)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.db.models.functions import Cast, Length

from sellergate.catalog.models import ItemCodeSequence, Product

ITEM_CODE_BASE = 100_000_000


@transaction.atomic
def take(count: int) -> list[str]:
    sequence = ItemCodeSequence.objects.select_for_update().filter(pk=1).first()
    if sequence is None:
        sequence = ItemCodeSequence.objects.create(pk=1, next_code=_first_free())
        sequence = ItemCodeSequence.objects.select_for_update().get(pk=1)
    first = sequence.next_code
    sequence.next_code = first + count
    sequence.save(update_fields=["next_code"])
    return [str(code) for code in range(first, first + count)]


def _first_free() -> int:
    """Above every code already given (codes given before the sequence existed count)."""
    numeric = Product.objects.filter(item_code__regex=r"^[0-9]{1,18}$").annotate(
        length=Length("item_code")
    )
    longest = numeric.aggregate(Max("length"))["length__max"]
    if not longest:
        return ITEM_CODE_BASE
    highest = numeric.filter(length=longest).aggregate(
        top=Max(Cast("item_code", output_field=ItemCodeSequence._meta.get_field("next_code")))
    )["top"]
    return max(ITEM_CODE_BASE, int(highest) + 1)
