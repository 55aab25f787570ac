from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QapiConfig(AppConfig):
    name = "sellergate.qapi"
    verbose_name = _("Marketplace API")

    def ready(self) -> None:
        from sellergate.qapi import methods  # noqa: F401 - registers every method
