from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from sellergate.accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Seller"), {"fields": ("seller", "language")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Seller"), {"fields": ("seller", "language")}),
    )
    list_display = ("username", "email", "seller", "is_staff", "is_active", "last_login")
    list_filter = ("is_staff", "is_active", "seller")
    list_select_related = ("seller",)
