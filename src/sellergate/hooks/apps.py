from django.apps import AppConfig


class HooksConfig(AppConfig):
    """Endpoints other services call: the secret-scanning partner alerts."""

    name = "sellergate.hooks"
    verbose_name = "Webhooks"
