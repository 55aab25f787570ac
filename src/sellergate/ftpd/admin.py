from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sellergate.core.actors import Actor
from sellergate.core.admin import ReadOnlyModelAdmin
from sellergate.ftpd.defender import defender_lift, defender_unlock
from sellergate.ftpd.models import AccountScore, AddressScore


@admin.register(AddressScore)
class AddressScoreAdmin(ReadOnlyModelAdmin):
    """FTP bans: visible, and lifted only through the defender's service."""

    list_display = (
        "address",
        "banned_until",
        "ban_count",
        "failures",
        "score",
        "window_started_at",
    )
    search_fields = ("address",)
    actions = ["lift_bans"]
    readonly_fields = [field.name for field in AddressScore._meta.fields]

    @admin.action(description=_("Lift the ban"), permissions=["view"])
    def lift_bans(self, request: HttpRequest, queryset: QuerySet[AddressScore]) -> None:
        for score in queryset:
            defender_lift(actor=Actor.from_request(request), address=score.address)
        messages.success(request, _("Bans lifted."))


@admin.register(AccountScore)
class AccountScoreAdmin(ReadOnlyModelAdmin):
    """FTP users locked after wrong passwords: visible, and unlocked through the defender."""

    list_display = ("username", "banned_until", "ban_count", "failures", "score")
    search_fields = ("username",)
    actions = ["unlock"]
    readonly_fields = [field.name for field in AccountScore._meta.fields]

    @admin.action(description=_("Unlock the FTP user"), permissions=["view"])
    def unlock(self, request: HttpRequest, queryset: QuerySet[AccountScore]) -> None:
        for score in queryset:
            defender_unlock(actor=Actor.from_request(request), username=score.username)
        messages.success(request, _("FTP users unlocked."))
