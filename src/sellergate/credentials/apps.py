from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    name = "sellergate.credentials"
    verbose_name = _("Credentials")

    def ready(self) -> None:
        from sellergate.accounts.signals import password_changed
        from sellergate.credentials import cache

        # Verification caches drop what they hold when a password changes (the seller
        # authorization keys issued under the old one are refused from then on).
        password_changed.connect(cache.on_password_changed, dispatch_uid="credentials-cache")
