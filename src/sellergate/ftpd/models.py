"""The FTP defender's memory: failed log-ins per address and per account, shared by
every FTP process (ftpd/defender.py)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Score(models.Model):
    score = models.PositiveIntegerField(_("score"), default=0)
    # When the score was last brought up to date: points are forgotten as time passes.
    window_started_at = models.DateTimeField(_("scored at"))
    failures = models.PositiveIntegerField(_("failed log-ins"), default=0)
    banned_until = models.DateTimeField(_("banned until"), null=True, blank=True, db_index=True)
    ban_count = models.PositiveIntegerField(_("bans so far"), default=0)

    class Meta:
        abstract = True
        ordering = ["-banned_until"]


class AddressScore(Score):
    address = models.GenericIPAddressField(_("address"), unique=True)

    class Meta(Score.Meta):
        verbose_name = _("FTP address score")
        verbose_name_plural = _("FTP address scores")

    def __str__(self) -> str:
        return self.address


class AccountScore(Score):
    """Wrong passwords against one FTP user, from wherever they come: guessing one
    seller's password from many addresses (or from another seller's own) locks it."""

    username = models.CharField(_("FTP user"), max_length=64, unique=True)

    class Meta(Score.Meta):
        verbose_name = _("FTP account score")
        verbose_name_plural = _("FTP account scores")

    def __str__(self) -> str:
        return self.username
