from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.forms import ModelForm

from sellergate.core.actors import Actor
from sellergate.core.admin import ServiceModelAdmin
from sellergate.sellers import services
from sellergate.sellers.models import Claim, CustomerQuestion, Order, Seller


@admin.register(Seller)
class SellerAdmin(ServiceModelAdmin):
    list_display = ("login_id", "shop_name", "review_status", "service_points", "contact_email")
    list_filter = ("review_status",)
    search_fields = ("login_id", "shop_name", "contact_email")

    def get_readonly_fields(self, request: Any, obj: Any = None) -> tuple[str, ...]:
        return ("login_id",) if obj is not None else ()

    def save_via_service(self, *, actor: Actor, obj: Any, form: ModelForm, change: bool) -> Seller:
        data = form.cleaned_data
        if change:
            changes = {
                name: data[name] for name in form.changed_data if name in services.SELLER_EDITABLE
            }
            return services.seller_update(actor=actor, seller=obj, changes=changes)
        return services.seller_create(
            actor=actor, **{name: data[name] for name in services.SELLER_FIELDS}
        )


class StandingRecordAdmin(ServiceModelAdmin):
    """Orders, questions and claims: saved through the feed's upsert, keyed by number,
    every field of the form (the same as a feed row carrying them all)."""

    list_select_related = ("seller",)
    autocomplete_fields = ("seller",)

    @property
    def number_field(self) -> str:
        return services.FEED_KEYS[self.model]

    def get_readonly_fields(self, request: Any, obj: Any = None) -> tuple[str, ...]:
        return ("seller", self.number_field) if obj is not None else ()

    def save_via_service(self, *, actor: Actor, obj: Any, form: ModelForm, change: bool) -> Any:
        skip = {"seller", self.number_field}
        return services.record_upsert(
            type(obj),
            actor=actor,
            seller=obj.seller,
            number=getattr(obj, self.number_field),
            values={k: v for k, v in form.cleaned_data.items() if k not in skip},
        )


@admin.register(Order)
class OrderAdmin(StandingRecordAdmin):
    list_display = ("order_no", "seller", "ordered_at", "ship_by", "shipped_at", "cancelled_at")
    list_filter = ("shipped_at", "cancelled_at")
    search_fields = ("order_no", "seller__login_id")
    date_hierarchy = "ship_by"


@admin.register(CustomerQuestion)
class CustomerQuestionAdmin(StandingRecordAdmin):
    list_display = ("question_no", "seller", "inq_type", "subject", "asked_at", "answered_at")
    list_filter = ("answered_at",)
    search_fields = ("question_no", "seller__login_id", "subject")


@admin.register(Claim)
class ClaimAdmin(StandingRecordAdmin):
    list_display = (
        "claim_no",
        "seller",
        "kind",
        "order_no",
        "opened_at",
        "resolved_at",
        "completed_at",
    )
    list_filter = ("kind", "resolved_at")
    search_fields = ("claim_no", "order_no", "seller__login_id")
