"""Reading the catalog: a seller's items, always within one seller (another seller's item is
"not found"), and the tables every seller shares (categories, brands, makers)."""

from __future__ import annotations

from django.db.models import Model, Q, QuerySet

from sellergate.catalog import seller_codes
from sellergate.catalog.errors import CatalogError
from sellergate.catalog.models import Category, Product
from sellergate.core.errors import Message as _
from sellergate.sellers.models import Seller


def seller_products(seller: Seller) -> QuerySet[Product]:
    return Product.objects.of(seller).select_related("seller", "category", "brand")


def product_get(
    seller: Seller, *, item_code: str = "", seller_code: str = "", for_update: bool = False
) -> Product:
    """The seller's product by item code, else by seller item code."""
    products = seller_products(seller)
    if for_update:
        products = products.select_for_update(of=("self",))
    if item_code:
        field, value = "item_code", item_code
    elif seller_code:
        field, value = "seller_code", seller_codes.normal(seller_code)
    else:
        raise CatalogError("item_code", _("Give the item code or the seller item code."))
    try:
        # get(), not first(): both keys are unique, and first() would add an ORDER BY
        # (the model's ordering joins the seller table) to a one-row lookup.
        return products.get(**{field: value})
    except Product.DoesNotExist:
        raise CatalogError(
            field, _("No item %(code)s in your catalog.") % {"code": value}, code="not_found"
        ) from None


def leaf_categories() -> list[tuple[Category, Category, Category]]:
    """Every small category (items go in leaves only) with its large and medium ones,
    by code: (large, medium, small). A two-level branch repeats its top as the medium."""
    by_id = {c.pk: c for c in Category.objects.all()}
    parents = {c.parent_id for c in by_id.values() if c.parent_id}
    rows = []
    for category in sorted(by_id.values(), key=lambda c: c.code):
        if category.pk in parents:
            continue
        chain = [category]
        while chain[-1].parent_id is not None:
            chain.append(by_id[chain[-1].parent_id])
        large, medium = chain[-1], chain[-2] if len(chain) > 2 else chain[-1]
        rows.append((large, medium, category))
    return rows


def named[M: Model](rows: QuerySet[M], keyword: str, limit: int) -> list[M]:
    """Brands or makers whose Japanese or English name contains ``keyword``."""
    if keyword:
        rows = rows.filter(Q(name__icontains=keyword) | Q(name_en__icontains=keyword))
    return list(rows.order_by("name")[:limit])
