from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.forms import ModelForm

from sellergate.catalog.models import (
    Brand,
    Category,
    Maker,
    MoveListing,
    Product,
    ShippingGroup,
    StyleCode,
    TpoCode,
)
from sellergate.catalog.reference import Reference, reference_save
from sellergate.core.actors import Actor
from sellergate.core.admin import ReadOnlyModelAdmin, ServiceModelAdmin


class ReferenceAdmin(ServiceModelAdmin):
    def save_via_service(
        self, *, actor: Actor, obj: Any, form: ModelForm, change: bool
    ) -> Reference:
        return reference_save(actor=actor, obj=obj)


@admin.register(Category)
class CategoryAdmin(ReferenceAdmin):
    list_display = ("code", "name", "name_en", "parent", "fashion")
    list_filter = ("fashion",)
    search_fields = ("code", "name", "name_en")
    autocomplete_fields = ("parent",)


@admin.register(Brand)
class BrandAdmin(ReferenceAdmin):
    list_display = ("number", "name", "name_en")
    search_fields = ("number", "name", "name_en")


@admin.register(Maker)
class MakerAdmin(ReferenceAdmin):
    list_display = ("number", "name", "name_en")
    search_fields = ("number", "name", "name_en")


@admin.register(StyleCode, TpoCode)
class FashionCodeAdmin(ReferenceAdmin):
    """The codes MOVE listings name in StyleNumber and TpoNumber."""

    list_display = ("code", "name", "name_en")
    search_fields = ("code", "name", "name_en")


@admin.register(ShippingGroup)
class ShippingGroupAdmin(ReferenceAdmin):
    list_display = ("seller", "number", "name", "fee", "free_over", "carrier")
    list_filter = ("carrier",)
    search_fields = ("seller__login_id", "name")
    autocomplete_fields = ("seller",)


@admin.register(Product)
class ProductAdmin(ReadOnlyModelAdmin):
    """Sellers write their catalog (API, bulk files); operators look."""

    list_display = (
        "item_code",
        "seller_code",
        "title",
        "seller",
        "listing",
        "status",
        "price",
        "quantity",
    )
    list_filter = ("status", "listing")
    search_fields = ("item_code", "seller_code", "title", "seller__login_id")
    readonly_fields = [f.name for f in Product._meta.fields]


@admin.register(MoveListing)
class MoveListingAdmin(ReadOnlyModelAdmin):
    """What MOVE listings have beyond their product; sellers write it (the API)."""

    list_display = ("product", "series_name")
    search_fields = ("product__item_code", "product__seller_code", "series_name")
    readonly_fields = [f.name for f in MoveListing._meta.fields]
