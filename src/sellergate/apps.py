from django.apps import AppConfig


class SellergateConfig(AppConfig):
    """The project package as an app: shared templates, static files and commands."""

    name = "sellergate"
    verbose_name = "sellergate"
