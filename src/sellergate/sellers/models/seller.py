"""The seller: its identity, opening review, service points and suspension."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

login_id_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9_.-]{2,49}$",
    _(
        "A seller ID is 3 to 50 characters: letters, digits, '.', '_' or '-', "
        "starting with a letter or digit."
    ),
)


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Under review")
    APPROVED = "approved", _("Complete")
    REJECTED = "rejected", _("Not approved")


class Seller(models.Model):
    login_id = models.CharField(
        _("seller ID"),
        max_length=50,
        unique=True,
        validators=[login_id_validator],
        help_text=_("The shop's login ID on the marketplace (販売店ID)."),
    )
    shop_name = models.CharField(_("shop name"), max_length=100)
    contact_email = models.EmailField(_("contact e-mail"))
    main_category = models.CharField(_("main product category"), max_length=100, blank=True)
    review_status = models.CharField(
        _("opening review"),
        max_length=16,
        choices=ReviewStatus.choices,
        default=ReviewStatus.PENDING,
    )
    service_points = models.IntegerField(
        _("service points"),
        default=0,
        help_text=_("The shop's service score; negative after penalties."),
    )
    # Set by standing enforcement (or an operator): the seller's API keys and FTP
    # account stop working until it is cleared.
    suspended_at = models.DateTimeField(_("credentials suspended"), null=True, blank=True)
    suspension_reason = models.CharField(_("reason for suspension"), max_length=300, blank=True)
    suspended_by_standing = models.BooleanField(default=False)
    # The first day the standing check found a hard condition failing; cleared when met.
    out_of_standing_since = models.DateField(_("out of standing since"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("seller")
        verbose_name_plural = _("sellers")
        ordering = ["login_id"]
        constraints = [
            # "Shop-A" and "shop-a" are one seller: the FTP user name is the lower-cased ID,
            # and people type IDs in either case.
            models.UniqueConstraint(
                Lower("login_id"),
                name="seller_login_id_unique_any_case",
                violation_error_message=_(
                    "A seller with this ID already exists (seller IDs are the same in "
                    "upper and lower case)."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.login_id} ({self.shop_name})"
