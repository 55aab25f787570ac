"""API usage counts per key and method, and operators' per-seller rate limits."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sellergate.credentials.models import ApiKey
from sellergate.sellers.models import Seller


class ApiUsage(models.Model):
    api_key = models.ForeignKey(
        ApiKey, verbose_name=_("API key"), on_delete=models.CASCADE, related_name="usage"
    )
    method = models.CharField(_("method"), max_length=80)
    calls = models.PositiveBigIntegerField(_("calls"), default=0)
    errors = models.PositiveBigIntegerField(_("errors"), default=0)
    last_called_at = models.DateTimeField(_("last called"), null=True)
    last_error_code = models.IntegerField(_("last error code"), null=True, blank=True)
    last_error_at = models.DateTimeField(_("last error"), null=True, blank=True)

    class Meta:
        verbose_name = _("API usage")
        verbose_name_plural = _("API usage")
        ordering = ["api_key", "method"]
        constraints = [
            models.UniqueConstraint(fields=["api_key", "method"], name="usage_per_key_method")
        ]

    def __str__(self) -> str:
        return f"{self.api_key_id} {self.method}: {self.calls}"


class SellerRateLimit(models.Model):
    """An operator's own rate for one seller's keys, instead of the settings' defaults."""

    seller = models.OneToOneField(
        Seller, verbose_name=_("seller"), on_delete=models.CASCADE, related_name="api_rate_limit"
    )
    per_second = models.PositiveIntegerField(_("calls per second"))
    burst = models.PositiveIntegerField(_("burst"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("API rate limit")
        verbose_name_plural = _("API rate limits")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(per_second__gt=0, burst__gt=0), name="rate_limit_positive"
            )
        ]

    def __str__(self) -> str:
        return f"{self.seller}: {self.per_second}/s, burst {self.burst}"
