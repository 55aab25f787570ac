"""Claims on orders: cancellations, returns, exchanges, non-receipt and unpaid-order
cancellations, with the marketplace's ClaimStat lifecycle (``sellers.statuses``).

A claim has three dates: ``opened_at`` (the buyer's request), ``resolved_at`` (the seller
handled it: a cancellation accepted, a return or exchange approved — from then on it is
no longer an open problem of the seller's) and ``completed_at`` (refunded, returned or
re-shipped: the marketplace's cancelRefundDate). What the seller sent when approving a
return (the address it goes back to) and when re-shipping an exchange is kept as sent,
in ``return_to`` and ``redelivery``.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sellergate.core.tenancy import SellerOwnedQuerySet
from sellergate.sellers import standing
from sellergate.sellers.models.seller import Seller


class ClaimKind(models.TextChoices):
    CANCEL = "cancel", _("Cancellation")
    RETURN = "return", _("Return")
    EXCHANGE = "exchange", _("Exchange")
    NON_RECEIPT = "non_receipt", _("Not received")
    UNPAID = "unpaid", _("Unpaid order cancelled")
    OTHER = "other", _("Other")


class NonReceiptScope(models.TextChoices):
    """nrDutyTarget: what the buyer says did not arrive."""

    NOTHING = "SC", _("Nothing received")
    PART = "SL", _("Part of the order not received")


class NonReceiptWish(models.TextChoices):
    """nrSolType: what the buyer wants."""

    REDELIVERY = "ND", _("Redelivery")
    REFUND = "NC", _("Refund")


class ClaimQuerySet(SellerOwnedQuerySet["Claim"]):
    def open(self) -> ClaimQuerySet:
        return self.filter(standing.open_claim_q())


class Claim(models.Model):
    seller = models.ForeignKey(
        Seller, verbose_name=_("seller"), on_delete=models.PROTECT, related_name="claims"
    )
    claim_no = models.CharField(_("claim number"), max_length=30)
    order_no = models.CharField(_("order number"), max_length=30, blank=True)
    kind = models.CharField(
        _("kind"), max_length=16, choices=ClaimKind.choices, default=ClaimKind.OTHER
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    opened_at = models.DateTimeField(_("opened at"))
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    seller_memo = models.CharField(_("seller's note"), max_length=1000, blank=True)
    cancel_reason = models.CharField(_("cancellation reason"), max_length=1, blank=True)
    # A return's way back.
    return_company = models.CharField(_("return carrier"), max_length=200, blank=True)
    return_tracking_no = models.CharField(_("return tracking number"), max_length=50, blank=True)
    pickup_address = models.CharField(_("pick-up address"), max_length=300, blank=True)
    pickup_zip = models.CharField(_("pick-up postal code"), max_length=10, blank=True)
    return_shipping_payer = models.CharField(
        _("return delivery paid by"), max_length=50, blank=True
    )
    item_condition = models.CharField(_("returned item's condition"), max_length=200, blank=True)
    # Cash on delivery.
    cod_cancel_price = models.PositiveIntegerField(_("COD cancelled (yen)"), default=0)
    cod_refund_price = models.PositiveIntegerField(_("COD refunded (yen)"), default=0)
    cod_related_orders = models.CharField(_("COD related orders"), max_length=300, blank=True)
    # Not received.
    non_receipt_scope = models.CharField(
        _("not received"), max_length=2, choices=NonReceiptScope.choices, blank=True
    )
    non_receipt_wish = models.CharField(
        _("buyer wants"), max_length=2, choices=NonReceiptWish.choices, blank=True
    )
    partial_refund_count = models.PositiveIntegerField(_("partial refunds"), default=0)
    partial_refund_balance = models.PositiveIntegerField(
        _("partial refund balance (yen)"), default=0
    )
    return_to = models.JSONField(_("return address"), default=dict, blank=True)
    redelivery = models.JSONField(_("redelivery"), default=dict, blank=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["-opened_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["seller", "claim_no"], name="claim_no_unique_per_seller"
            )
        ]
        indexes = [models.Index(fields=["seller", "order_no"], name="claim_seller_order")]

    def __str__(self) -> str:
        return self.claim_no
