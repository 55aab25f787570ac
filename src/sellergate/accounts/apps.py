from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "sellergate.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from sellergate.accounts import desk_roles

        # After every app's migration (not only this one's): the permissions of the
        # apps migrated after accounts exist only then.
        post_migrate.connect(desk_roles.ensure_roles, dispatch_uid="sellergate.desk_roles")
