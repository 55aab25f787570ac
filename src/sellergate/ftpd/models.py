"""The FTP defender's memory: failed log-ins per address, shared by every FTP process."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AddressScore(models.Model):
    address = models.GenericIPAddressField(_("address"), unique=True)
    score = models.PositiveIntegerField(_("score"), default=0)
    window_started_at = models.DateTimeField(_("counting since"))
    failures = models.PositiveIntegerField(_("failed log-ins"), default=0)
    banned_until = models.DateTimeField(_("banned until"), null=True, blank=True, db_index=True)
    ban_count = models.PositiveIntegerField(_("bans so far"), default=0)

    class Meta:
        verbose_name = _("FTP address score")
        verbose_name_plural = _("FTP address scores")
        ordering = ["-banned_until"]

    def __str__(self) -> str:
        return self.address
