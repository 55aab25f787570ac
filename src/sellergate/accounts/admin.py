from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sellergate.accounts.models import LoginThrottle, User
from sellergate.accounts.throttle import login_unlock
from sellergate.core.actors import Actor
from sellergate.core.admin import ReadOnlyModelAdmin


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        (_("Seller"), {"fields": ("seller", "language")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Seller"), {"fields": ("seller", "language")}),
    )
    list_display = ("username", "email", "seller", "is_staff", "is_active", "last_login")
    list_filter = ("is_staff", "is_active", "seller")
    list_select_related = ("seller",)


@admin.register(LoginThrottle)
class LoginThrottleAdmin(ReadOnlyModelAdmin):
    """Locked log-ins (user IDs and addresses): visible, lifted through the throttle."""

    list_display = ("subject", "locked_until", "locks", "failures", "score")
    search_fields = ("subject",)
    actions = ["unlock"]
    readonly_fields = [field.name for field in LoginThrottle._meta.fields]

    @admin.action(description=_("Lift the lock"), permissions=["view"])
    def unlock(self, request: HttpRequest, queryset: QuerySet[LoginThrottle]) -> None:
        for row in queryset:
            login_unlock(actor=Actor.from_request(request), subject=row.subject)
        messages.success(request, _("Locks lifted."))
