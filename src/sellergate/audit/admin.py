from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from sellergate.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the audit log is written by services and never edited."""

    list_display = (
        "occurred_at",
        "actor_label",
        "source_address",
        "action",
        "object_repr",
        "seller",
    )
    list_filter = ("action", "object_type")
    search_fields = ("seller__login_id", "actor_label", "object_repr", "action")
    list_select_related = ("seller",)
    date_hierarchy = "occurred_at"
    readonly_fields = [field.name for field in AuditEvent._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
