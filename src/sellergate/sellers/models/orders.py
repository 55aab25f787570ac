"""Orders as the marketplace's order system hands them over, one item per order (a cart
is a pack of orders sharing ``pack_no``, as the marketplace numbers them).

Where an order stands (its ShippingStatus in the API) is never stored: it follows from
its dates (``sellers.statuses``), so a status and the dates can never disagree.

Money is whole yen. ``price`` is the unit price with the option's surcharge; the line's
``total`` is ``price * quantity - discount``. ``seller_discount`` is the part of
``discount`` the seller bears; the cart coupons (``cart_discount_seller`` and
``cart_discount_marketplace``) come off the cart, split per order by the marketplace.
``shipping_rate`` is the pack's delivery fee, carried by the pack's first order.
``service_fee`` is the marketplace's commission on the line, so the seller is paid
``settle_price = total - service_fee - cart_discount_seller`` (the settlement reports).
"""

from __future__ import annotations

from typing import Any

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sellergate.core.tenancy import SellerOwnedQuerySet
from sellergate.sellers import standing
from sellergate.sellers.models.seller import Seller

#: Order, pack and question numbers are the marketplace's: 1 to 10 digits (the API
#: answers them as integers).
number_validator = RegexValidator(
    r"^[1-9][0-9]{0,9}$", _("A number of 1 to 10 digits, not starting with 0.")
)


class ShippingRateType(models.TextChoices):
    FREE = "Free", _("Free")
    CHARGE = "Charge", _("Charged")
    CONDITIONAL = "Free on condition", _("Free on condition")


class SendType(models.TextChoices):
    """How the item ships (AvailableSendType)."""

    STANDARD = "0", _("Standard dispatch")
    RESERVED_DAYS = "1", _("Reserved dispatch, 4 days or more")
    RESERVED_RELEASE = "2", _("Reserved dispatch, release date")
    SAME_DAY = "3", _("Same-day dispatch")


class OrderQuerySet(SellerOwnedQuerySet["Order"]):
    def late(self, today: object) -> OrderQuerySet:
        return self.filter(standing.late_order_q(today))


def _text(label: Any, length: int) -> Any:
    return models.CharField(label, max_length=length, blank=True)


class Order(models.Model):
    seller = models.ForeignKey(
        Seller, verbose_name=_("seller"), on_delete=models.PROTECT, related_name="orders"
    )
    order_no = models.CharField(_("order number"), max_length=30, validators=[number_validator])
    ordered_at = models.DateTimeField(_("ordered at"))
    ship_by = models.DateField(_("ship by"), help_text=_("The date the order must ship by."))
    shipped_at = models.DateTimeField(_("shipped at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    pack_no = models.CharField(
        _("pack number"), max_length=30, blank=True, validators=[number_validator]
    )
    order_type = _text(_("order type"), 30)
    # The item, as ordered.
    item_code = models.CharField(_("item code"), max_length=20, blank=True)
    seller_item_code = models.CharField(_("seller item code"), max_length=100, blank=True)
    item_title = models.CharField(_("item name"), max_length=200, blank=True)
    option_text = _text(_("option"), 300)
    option_code = _text(_("option code"), 100)
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    price = models.PositiveIntegerField(_("price (yen)"), default=0)
    discount = models.PositiveIntegerField(_("discount (yen)"), default=0)
    seller_discount = models.PositiveIntegerField(_("seller's discount (yen)"), default=0)
    cart_discount_seller = models.PositiveIntegerField(
        _("cart discount borne by the seller (yen)"), default=0
    )
    cart_discount_marketplace = models.PositiveIntegerField(
        _("cart discount borne by the marketplace (yen)"), default=0
    )
    service_fee = models.PositiveIntegerField(_("service fee (yen)"), default=0)
    shipping_rate = models.PositiveIntegerField(_("delivery fee (yen)"), default=0)
    shipping_rate_type = models.CharField(
        _("delivery fee type"),
        max_length=20,
        choices=ShippingRateType.choices,
        default=ShippingRateType.CHARGE,
    )
    cod_price = models.PositiveIntegerField(_("cash on delivery (yen)"), default=0)
    currency = models.CharField(_("currency"), max_length=3, default="JPY")
    # Payment.
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    payment_method = _text(_("payment method"), 50)
    payment_nation = models.CharField(_("payment country"), max_length=2, default="JP")
    # The buyer.
    buyer_name = _text(_("buyer"), 100)
    buyer_kana = _text(_("buyer (kana)"), 100)
    buyer_tel = _text(_("buyer's phone"), 30)
    buyer_mobile = _text(_("buyer's mobile phone"), 30)
    buyer_email = models.EmailField(_("buyer's e-mail"), blank=True)
    # Where it goes.
    receiver_name = models.CharField(_("receiver"), max_length=100, blank=True)
    receiver_kana = _text(_("receiver (kana)"), 100)
    receiver_country = models.CharField(_("destination country"), max_length=2, default="JP")
    receiver_zip = models.CharField(_("postal code"), max_length=10, blank=True)
    receiver_address = models.CharField(
        _("address"), max_length=300, blank=True, help_text=_("Prefecture, city and street.")
    )
    receiver_address2 = _text(_("address, building and room"), 300)
    receiver_tel = _text(_("receiver's phone"), 30)
    receiver_phone = models.CharField(_("receiver's mobile phone"), max_length=30, blank=True)
    receiver_edited = models.BooleanField(
        _("receiver edited"), default=False, help_text=_("The buyer changed the receiver.")
    )
    desired_delivery = _text(_("desired delivery date"), 50)
    shipping_message = _text(_("message for the delivery"), 500)
    gift = _text(_("gift"), 100)
    # Who it comes from, when not the shop (a gift, a drop-ship).
    sender_name = _text(_("sender"), 100)
    sender_tel = _text(_("sender's phone"), 30)
    sender_nation = _text(_("sender's country"), 2)
    sender_zip = _text(_("sender's postal code"), 10)
    sender_address = _text(_("sender's address"), 300)
    # How it ships.
    shipping_way = _text(_("delivery method"), 50)
    available_send_type = models.CharField(
        _("dispatch type"), max_length=1, choices=SendType.choices, default=SendType.STANDARD
    )
    available_shipping_date = models.DateField(_("can ship from"), null=True, blank=True)
    voucher_code = _text(_("voucher code"), 50)
    packing_no = _text(_("packing number"), 50)
    seller_delivery_no = _text(_("seller's delivery number"), 50)
    branch_name = _text(_("branch"), 100)
    material = _text(_("material"), 100)
    # The seller's confirmation (発送予定日の登録) and shipment.
    seller_checked_at = models.DateTimeField(_("confirmed by the seller"), null=True, blank=True)
    estimated_ship_date = models.DateField(_("estimated shipping date"), null=True, blank=True)
    delay_type = models.CharField(_("delay reason"), max_length=2, blank=True)
    delay_memo = models.CharField(_("delay note"), max_length=1000, blank=True)
    delivery_company = models.CharField(_("carrier"), max_length=200, blank=True)
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
        indexes = [
            models.Index(fields=["seller", "ship_by"], name="order_seller_ship_by"),
            models.Index(fields=["seller", "ordered_at"], name="order_seller_ordered_at"),
        ]

    def __str__(self) -> str:
        return self.order_no

    @property
    def total(self) -> int:
        return total_of(self)

    @property
    def settle_price(self) -> int:
        return settle_price_of(self)

    @property
    def shipping_address(self) -> str:
        return shipping_address_of(self)


# What follows from an order's fields, for an Order or any row with its field names (the
# API's long lists read rows as named tuples, not models: half the time per row).
def total_of(order: Any) -> int:
    return max(order.price * order.quantity - order.discount, 0)


def settle_price_of(order: Any) -> int:
    return total_of(order) - order.service_fee - order.cart_discount_seller


def shipping_address_of(order: Any) -> str:
    return " ".join(part for part in (order.receiver_address, order.receiver_address2) if part)
