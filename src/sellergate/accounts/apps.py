from typing import Any

from django.apps import AppConfig
from django.contrib import messages
from django.contrib.auth.signals import user_logged_out
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "sellergate.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from sellergate.accounts import desk_roles

        # For every app's migration (not only this one's): the permissions of the apps
        # migrated after accounts exist only after theirs (desk_roles.after_migrate).
        post_migrate.connect(desk_roles.after_migrate, dispatch_uid="sellergate.desk_roles")
        user_logged_out.connect(_say_logged_out, dispatch_uid="sellergate.logged_out")


def _say_logged_out(sender: object, request: Any, user: object, **kwargs: object) -> None:
    """The log-in page a person lands on after logging out says that they did."""
    if request is not None:
        # fail_silently: a log-out without the messages middleware (the test client's) says nothing.
        messages.success(request, _("You have logged out."), fail_silently=True)
