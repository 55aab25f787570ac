"""Seller item codes in their one form (``catalog.seller_codes``): NFKC, case kept.

A code whose NFKC form another item of the same seller already has is left as it is
(two items cannot be merged by a migration) and named in the output, for the operator
to resolve: the item stays reachable by its item code, and changing its seller code
through the API or a file stores the new code in its one form.
"""

from __future__ import annotations

from django.db import migrations

from sellergate.catalog.seller_codes import normal


def normalise(apps, schema_editor) -> list[tuple[int, str]]:
    Product = apps.get_model("catalog", "Product")
    taken = set(Product.objects.values_list("seller_id", "seller_code"))
    left: list[tuple[int, str]] = []
    for pk, seller_id, code in Product.objects.values_list("pk", "seller_id", "seller_code"):
        form = normal(code)
        if form == code:
            continue
        if (seller_id, form) in taken:
            left.append((pk, code))
            continue
        Product.objects.filter(pk=pk).update(seller_code=form)
        taken.discard((seller_id, code))
        taken.add((seller_id, form))
    for pk, code in left:
        print(f"\n  product {pk}: seller code {code!r} kept; another item has {normal(code)!r}")
    return left


class Migration(migrations.Migration):
    dependencies = [("catalog", "0008_move_listings")]

    operations = [migrations.RunPython(normalise, migrations.RunPython.noop, elidable=True)]
