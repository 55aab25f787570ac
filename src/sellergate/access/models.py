"""Access requests: the API key request to the desk and the FTP permission application.

One model serves both kinds (DESIGN.md, lifecycle):

    SUBMITTED ─ask→ NEEDS_INFO ─answer→ SUBMITTED
    SUBMITTED ─approve→ APPROVED ─(credential issued)→ FULFILLED
    SUBMITTED ─reject→ REJECTED        SUBMITTED|NEEDS_INFO ─withdraw→ WITHDRAWN

A seller has at most one open request of each kind, enforced by the database.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sellergate.core.tenancy import SellerOwnedQuerySet


class RequestKind(models.TextChoices):
    API_KEY = "api_key", _("API key")
    FTP = "ftp", _("FTP connection permission")


class RequestStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    NEEDS_INFO = "needs_info", _("Waiting for your answer")
    APPROVED = "approved", _("Approved")
    FULFILLED = "fulfilled", _("Issued")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_STATUSES = (RequestStatus.SUBMITTED, RequestStatus.NEEDS_INFO, RequestStatus.APPROVED)


class AccessRequest(models.Model):
    seller = models.ForeignKey(
        "sellers.Seller",
        verbose_name=_("seller"),
        on_delete=models.PROTECT,
        related_name="access_requests",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=RequestKind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.SUBMITTED
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The guide's form (API key) and confirmation items (FTP).
    contact_email = models.EmailField(_("e-mail address"))
    product_category = models.CharField(_("product category"), max_length=100)
    purpose = models.TextField(_("purpose of use"), max_length=2000)
    integrator_name = models.CharField(_("integrating company"), max_length=100)
    remarks = models.TextField(_("remarks"), max_length=2000, blank=True)
    confirmations = models.JSONField(_("confirmed items"), default=list, blank=True)

    received_at = models.DateTimeField(_("received at"))
    due_on = models.DateField(_("due"), db_index=True)
    eligibility_at_submission = models.JSONField(_("conditions at submission"))
    eligibility_at_decision = models.JSONField(_("conditions at decision"), null=True, blank=True)

    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_by_label = models.CharField(_("decided by (name)"), max_length=150, blank=True)
    decision_reason = models.TextField(_("reason"), blank=True)
    override_reason = models.TextField(_("reason for overriding the conditions"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SellerOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("access request")
        verbose_name_plural = _("access requests")
        ordering = ["due_on", "received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["seller", "kind"],
                condition=Q(status__in=OPEN_STATUSES),
                name="one_open_request_per_seller_and_kind",
                violation_error_code="open_request_exists",
                violation_error_message=_("This seller already has an open request of this kind."),
            )
        ]
        permissions = [
            (
                "override_eligibility",
                "Can approve a request although a condition fails (with a reason)",
            )
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_kind_display()} {self.seller.login_id}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class Author(models.TextChoices):
    SELLER = "seller", _("Seller")
    DESK = "desk", _("Desk")


class RequestMessage(models.Model):
    """The thread between the seller and the desk on one request."""

    request = models.ForeignKey(
        AccessRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    author_role = models.CharField(_("from"), max_length=8, choices=Author.choices)
    body = models.TextField(_("message"), max_length=4000)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_author_role_display()} {self.created_at:%Y-%m-%d %H:%M}"
