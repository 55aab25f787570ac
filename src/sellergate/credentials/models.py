"""API keys, seller authorization keys and FTP accounts.

No secret is stored: keys keep the HMAC of their secret part, FTP accounts a password
hash from Django's hashers. Lifecycles (DESIGN.md):

    ApiKey:     ACTIVE → REVOKED | EXPIRED   (rotation: a new key; the old one keeps
                                              working until its grace period ends)
    FtpAccount: PROVISIONING → ACTIVE → SUSPENDED → ACTIVE | CLOSED
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sellergate.core.tenancy import SellerOwnedQuerySet


class KeyStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    REVOKED = "revoked", _("Revoked")
    EXPIRED = "expired", _("Expired")


class ApiKey(models.Model):
    seller = models.ForeignKey(
        "sellers.Seller",
        verbose_name=_("seller"),
        on_delete=models.PROTECT,
        related_name="api_keys",
    )
    name = models.CharField(_("name"), max_length=60)
    public_id = models.CharField(_("public id"), max_length=12, unique=True)
    secret_hash = models.CharField(max_length=64)
    pepper_id = models.CharField(max_length=16)
    last4 = models.CharField(_("last 4 characters"), max_length=4)
    status = models.CharField(
        _("status"), max_length=12, choices=KeyStatus.choices, default=KeyStatus.ACTIVE
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    # Set when the key is rotated out: it keeps working until then.
    retires_at = models.DateTimeField(_("stops working at"), null=True, blank=True)
    replaced_by = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaces"
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.CharField(_("reason"), max_length=300, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    allowed_networks = models.JSONField(
        _("allowed networks"),
        default=list,
        blank=True,
        help_text=_("CIDRs the key may be used from; empty = anywhere."),
    )
    expiry_notices_sent = models.JSONField(default=list, blank=True)

    objects = SellerOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} (…{self.last4})"

    def usable_at(self, moment: dt.datetime) -> bool:
        return (
            self.status == KeyStatus.ACTIVE
            and (self.expires_at is None or moment < self.expires_at)
            and (self.retires_at is None or moment < self.retires_at)
        )


class SellerAuthKeyQuerySet(SellerOwnedQuerySet["SellerAuthKey"]):
    seller_path = "api_key__seller"


class SellerAuthKey(models.Model):
    """What the marketplace API calls a seller authorization key: issued for an API key
    and a seller user's log-in, used on every later call."""

    api_key = models.ForeignKey(ApiKey, on_delete=models.CASCADE, related_name="seller_auth_keys")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    public_id = models.CharField(max_length=12, unique=True)
    secret_hash = models.CharField(max_length=64)
    pepper_id = models.CharField(max_length=16)
    # A digest of the user's password hash when issued: a password change voids the key.
    password_digest = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = SellerAuthKeyQuerySet.as_manager()

    class Meta:
        verbose_name = _("seller authorization key")
        verbose_name_plural = _("seller authorization keys")

    def __str__(self) -> str:
        return f"SAK {self.public_id[:4]}… for {self.user_id}"


class FtpStatus(models.TextChoices):
    PROVISIONING = "provisioning", _("Being prepared")
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    CLOSED = "closed", _("Closed")


class FtpAccount(models.Model):
    seller = models.ForeignKey(
        "sellers.Seller",
        verbose_name=_("seller"),
        on_delete=models.PROTECT,
        related_name="ftp_accounts",
    )
    request = models.OneToOneField(
        "access.AccessRequest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ftp_account",
    )
    username = models.CharField(_("user ID"), max_length=64, unique=True)
    password_hash = models.CharField(max_length=256, blank=True)
    password_set_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=FtpStatus.choices, default=FtpStatus.PROVISIONING
    )
    home = models.CharField(_("home directory"), max_length=500, blank=True)
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    provision_enqueued_at = models.DateTimeField(null=True, blank=True)
    activated_at = models.DateTimeField(_("active since"), null=True, blank=True)
    status_reason = models.CharField(_("reason"), max_length=300, blank=True)
    quota_bytes = models.BigIntegerField(
        _("size quota (bytes)"), null=True, blank=True, help_text=_("Empty: the default.")
    )
    quota_files = models.IntegerField(
        _("file quota"), null=True, blank=True, help_text=_("Empty: the default.")
    )

    objects = SellerOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("FTP account")
        verbose_name_plural = _("FTP accounts")
        constraints = [
            models.UniqueConstraint(
                fields=["seller"],
                condition=~Q(status="closed"),
                name="one_live_ftp_account_per_seller",
            )
        ]

    def __str__(self) -> str:
        return self.username


class FeedToken(models.Model):
    """What the marketplace's order system presents to push orders, claims and inquiries
    (``hooks.order_feed``): an operator's credential, not a seller's. Like an API key, only
    the HMAC of its secret is kept."""

    name = models.CharField(_("name"), max_length=60)
    public_id = models.CharField(_("public id"), max_length=12, unique=True)
    secret_hash = models.CharField(max_length=64)
    pepper_id = models.CharField(max_length=16)
    last4 = models.CharField(_("last 4 characters"), max_length=4)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("order feed token")
        verbose_name_plural = _("order feed tokens")

    def __str__(self) -> str:
        return f"{self.name} (…{self.last4})"
