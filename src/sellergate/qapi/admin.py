from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from sellergate.core.actors import Actor
from sellergate.core.admin import ReadOnlyModelAdmin, ServiceModelAdmin
from sellergate.qapi import services
from sellergate.qapi.models import ApiUsage, SellerRateLimit


@admin.register(ApiUsage)
class ApiUsageAdmin(ReadOnlyModelAdmin):
    list_display = (
        "api_key",
        "method",
        "calls",
        "errors",
        "last_called_at",
        "last_error_code",
    )
    list_filter = ("method",)
    search_fields = ("api_key__seller__login_id", "method")
    readonly_fields = [f.name for f in ApiUsage._meta.fields]


@admin.register(SellerRateLimit)
class SellerRateLimitAdmin(ServiceModelAdmin):
    list_display = ("seller", "per_second", "burst", "note")
    search_fields = ("seller__login_id",)
    autocomplete_fields = ("seller",)

    def save_via_service(
        self, *, actor: Actor, obj: Any, form: ModelForm, change: bool
    ) -> SellerRateLimit:
        data = form.cleaned_data
        return services.rate_limit_set(
            actor=actor,
            seller=data["seller"],
            per_second=data["per_second"],
            burst=data["burst"],
            note=data.get("note", ""),
        )

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return admin.ModelAdmin.has_delete_permission(self, request, obj)

    def delete_model(self, request: HttpRequest, obj: SellerRateLimit) -> None:
        services.rate_limit_remove(actor=Actor.from_request(request), limit=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[SellerRateLimit]) -> None:
        for limit in queryset:
            self.delete_model(request, limit)
