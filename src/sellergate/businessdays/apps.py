from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BusinessDaysConfig(AppConfig):
    name = "sellergate.businessdays"
    verbose_name = _("Business calendar")
