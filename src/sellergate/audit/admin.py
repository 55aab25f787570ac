from __future__ import annotations

from django.contrib import admin

from sellergate.audit.models import AuditEvent
from sellergate.core.admin import ReadOnlyModelAdmin


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyModelAdmin):
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
