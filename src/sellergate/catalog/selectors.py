"""Reading the catalog, always within one seller: another seller's item is "not found"."""

from __future__ import annotations

from django.db.models import QuerySet

from sellergate.catalog import seller_codes
from sellergate.catalog.errors import CatalogError
from sellergate.catalog.models import Product
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
