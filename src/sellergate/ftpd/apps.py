from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FtpdConfig(AppConfig):
    name = "sellergate.ftpd"
    verbose_name = _("FTP server")
