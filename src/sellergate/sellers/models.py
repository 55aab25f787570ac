"""Sellers and the records their standing is derived from.

Standing is never typed in: late shipments come from orders, unanswered questions from
customer questions, open claims from claims (see ``standing`` and ``eligibility``). The
records carry the minimum needed for that; the marketplace API extends them.
"""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from sellergate.core.tenancy import SellerOwnedQuerySet
from sellergate.sellers import standing

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


class OrderQuerySet(SellerOwnedQuerySet["Order"]):
    def late(self, today: object) -> OrderQuerySet:
        return self.filter(standing.late_order_q(today))


class Order(models.Model):
    seller = models.ForeignKey(
        Seller, verbose_name=_("seller"), on_delete=models.PROTECT, related_name="orders"
    )
    order_no = models.CharField(_("order number"), max_length=30)
    ordered_at = models.DateTimeField(_("ordered at"))
    ship_by = models.DateField(_("ship by"), help_text=_("The date the order must ship by."))
    shipped_at = models.DateTimeField(_("shipped at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    # What the marketplace API reports of an order (one item per order, as its order
    # numbers are; a cart is a pack of orders sharing pack_no).
    pack_no = models.CharField(_("pack number"), max_length=30, blank=True)
    item_code = models.CharField(_("item code"), max_length=20, blank=True)
    seller_item_code = models.CharField(_("seller item code"), max_length=100, blank=True)
    item_title = models.CharField(_("item name"), max_length=200, blank=True)
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    price = models.PositiveIntegerField(_("price (yen)"), default=0)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    receiver_name = models.CharField(_("receiver"), max_length=100, blank=True)
    receiver_zip = models.CharField(_("postal code"), max_length=10, blank=True)
    receiver_address = models.CharField(_("address"), max_length=300, blank=True)
    receiver_phone = models.CharField(_("phone"), max_length=30, blank=True)
    # The seller's confirmation (発送予定日の登録) and shipment.
    seller_checked_at = models.DateTimeField(_("confirmed by the seller"), null=True, blank=True)
    estimated_ship_date = models.DateField(_("estimated shipping date"), null=True, blank=True)
    delay_type = models.CharField(_("delay reason"), max_length=2, blank=True)
    delay_memo = models.CharField(_("delay note"), max_length=500, blank=True)
    delivery_company = models.CharField(_("carrier"), max_length=50, blank=True)
    tracking_no = models.CharField(_("tracking number"), max_length=50, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    completed_at = models.DateTimeField(
        _("purchase confirmed at"),
        null=True,
        blank=True,
        help_text=_("When the buyer confirmed receipt (購入決定)."),
    )

    objects = OrderQuerySet.as_manager()

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-ordered_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["seller", "order_no"], name="order_no_unique_per_seller"
            )
        ]
        indexes = [models.Index(fields=["seller", "ship_by"], name="order_seller_ship_by")]

    def __str__(self) -> str:
        return self.order_no


class CustomerQuestionQuerySet(SellerOwnedQuerySet["CustomerQuestion"]):
    def unanswered(self) -> CustomerQuestionQuerySet:
        return self.filter(standing.unanswered_question_q())


class CustomerQuestion(models.Model):
    seller = models.ForeignKey(
        Seller, verbose_name=_("seller"), on_delete=models.PROTECT, related_name="questions"
    )
    question_no = models.CharField(_("question number"), max_length=30)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    body = models.TextField(_("question"), blank=True)
    item_code = models.CharField(_("item code"), max_length=20, blank=True)
    order_no = models.CharField(_("order number"), max_length=30, blank=True)
    asked_at = models.DateTimeField(_("asked at"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)

    objects = CustomerQuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("customer question")
        verbose_name_plural = _("customer questions")
        ordering = ["-asked_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["seller", "question_no"], name="question_no_unique_per_seller"
            )
        ]

    def __str__(self) -> str:
        return self.question_no


class ClaimKind(models.TextChoices):
    CANCEL = "cancel", _("Cancellation")
    RETURN = "return", _("Return")
    EXCHANGE = "exchange", _("Exchange")
    OTHER = "other", _("Other")


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
    seller_memo = models.CharField(_("seller's note"), max_length=500, blank=True)

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

    def __str__(self) -> str:
        return self.claim_no
