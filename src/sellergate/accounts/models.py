"""People who log in: operators (the marketplace's staff) and sellers' staff users.

The two roles are kept apart in the database: an operator (``is_staff``) belongs to no
seller, and a seller's user is never staff. Each face (operator desk, seller center)
admits only its own role; see ``sellergate.accounts.roles``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sellergate.accounts.signals import password_changed


class User(AbstractUser):
    seller = models.ForeignKey(
        "sellers.Seller",
        verbose_name=_("seller"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
        help_text=_("The shop this user works for. Empty for operators."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Language of the e-mails this user receives."),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        constraints = [
            models.CheckConstraint(
                condition=~(Q(is_staff=True) & Q(seller__isnull=False)),
                name="user_operator_or_seller_not_both",
                violation_error_message=_(
                    "A user is either an operator (staff) or a seller's user, not both."
                ),
            )
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A new password voids the seller authorization keys issued under the old one:
        # the domains that hold such keys hear of it (accounts.signals); the keys
        # themselves are checked against the password at verification.
        changed = getattr(self, "_password", None) is not None  # set by set_password()
        super().save(*args, **kwargs)
        if changed and self.pk is not None:
            password_changed.send(sender=type(self), user=self)

    @property
    def is_operator(self) -> bool:
        return self.is_active and self.is_staff

    @property
    def is_seller_user(self) -> bool:
        return self.is_active and not self.is_staff and self.seller_id is not None


class LoginThrottle(models.Model):
    """Failed log-ins per user ID (``user:…``) and per address (``ip:…``), shared by every
    web process through the database (accounts/throttle.py)."""

    subject = models.CharField(_("user or address"), max_length=200, unique=True)
    score = models.PositiveIntegerField(_("score"), default=0)
    scored_at = models.DateTimeField(_("scored at"))
    failures = models.PositiveIntegerField(_("failed log-ins"), default=0)
    locked_until = models.DateTimeField(_("locked until"), null=True, blank=True, db_index=True)
    locks = models.PositiveIntegerField(_("locks so far"), default=0)

    class Meta:
        verbose_name = _("log-in throttle")
        verbose_name_plural = _("log-in throttles")
        ordering = ["-locked_until"]

    def __str__(self) -> str:
        return self.subject
