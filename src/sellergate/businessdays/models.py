from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ClosureDay(models.Model):
    """A day the operator's desk is closed although it is neither a weekend nor a
    national holiday (年末年始, a company holiday)."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=100, help_text=_("For example: 年末年始"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("closure day")
        verbose_name_plural = _("closure days")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"
