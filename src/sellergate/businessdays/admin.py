from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from sellergate.businessdays import services
from sellergate.businessdays.models import ClosureDay
from sellergate.core.actors import Actor
from sellergate.core.admin import ServiceModelAdmin


@admin.register(ClosureDay)
class ClosureDayAdmin(ServiceModelAdmin):
    """Closures are added and removed, not edited: a changed date is another closure."""

    list_display = ("date", "name", "created_at")
    date_hierarchy = "date"

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Removing a closure is a transition of its own (closure_remove), so allow it.
        return admin.ModelAdmin.has_delete_permission(self, request, obj)

    def save_via_service(
        self, *, actor: Actor, obj: Any, form: ModelForm, change: bool
    ) -> ClosureDay:
        return services.closure_add(
            actor=actor, date=form.cleaned_data["date"], name=form.cleaned_data["name"]
        )

    def delete_model(self, request: HttpRequest, obj: ClosureDay) -> None:
        services.closure_remove(actor=Actor.from_request(request), closure=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[ClosureDay]) -> None:
        for closure in queryset:
            self.delete_model(request, closure)
