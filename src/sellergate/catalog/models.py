"""The catalog: each seller's products, and the category and brand tables operators keep.

One catalog for every way in: the marketplace API (``sellergate.qapi``), bulk files by
FTP or web upload (``sellergate.bulk``) and the seller center all write it through
``catalog.services``. Field names are the catalog's own; the API and the bulk templates
map their parameter and column names onto them.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sellergate.core.tenancy import SellerOwnedQuerySet
from sellergate.sellers.models import Seller


class Category(models.Model):
    """Large > medium > small, as the marketplace has them; items go in small ones."""

    code = models.CharField(_("category code"), max_length=20, unique=True)
    name = models.CharField(_("name (Japanese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def level(self) -> int:
        level, node = 1, self.parent
        while node is not None:
            level, node = level + 1, node.parent
        return level


class Brand(models.Model):
    number = models.CharField(_("brand number"), max_length=20, unique=True)
    name = models.CharField(_("brand name"), max_length=100)
    name_en = models.CharField(_("brand name (English)"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("brand")
        verbose_name_plural = _("brands")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"


class Maker(models.Model):
    """A manufacturer, kept by the operators beside the brands (CommonInfoLookup.SearchMaker)."""

    number = models.CharField(_("maker number"), max_length=20, unique=True)
    name = models.CharField(_("maker name"), max_length=100)
    name_en = models.CharField(_("maker name (English)"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("maker")
        verbose_name_plural = _("makers")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"


class ShippingGroup(models.Model):
    """A seller's delivery group (送料グループ); items name it by number, 0 = free."""

    seller = models.ForeignKey(
        Seller, verbose_name=_("seller"), on_delete=models.CASCADE, related_name="shipping_groups"
    )
    number = models.PositiveIntegerField(_("shipping group number"))
    name = models.CharField(_("name"), max_length=100)
    fee = models.PositiveIntegerField(_("shipping fee (yen)"), default=0)
    free_over = models.PositiveIntegerField(
        _("free over (yen)"), null=True, blank=True, help_text=_("Free shipping from this total.")
    )
    carrier = models.CharField(_("carrier"), max_length=50, blank=True)

    objects = SellerOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("shipping group")
        verbose_name_plural = _("shipping groups")
        ordering = ["seller", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["seller", "number"], name="shipping_group_number_unique_per_seller"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gt=0), name="shipping_group_number_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"


class ItemStatus(models.TextChoices):
    """The marketplace's item statuses, with the API's codes (ItemStatus: S0, S1, S2, S3,
    S5, S8; the guide has no S4). A seller's "sale stopped" (EditGoodsStatus 3, the bulk
    file's D) is S3; S0, S5 and S8 are the marketplace's own decisions (review, a
    restriction, a rejection), set by operators."""

    AWAITING_INSPECTION = "S0", _("Awaiting inspection")
    WAITING = "S1", _("Not on sale")
    ON_SALE = "S2", _("On sale")
    DISCONTINUED = "S3", _("Discontinued")
    RESTRICTED = "S5", _("Restricted by the marketplace")
    REJECTED = "S8", _("Rejected at review")


class Product(models.Model):
    # No index of its own: the unique (seller, seller_code) index leads with the seller and
    # serves every per-seller lookup; one index fewer to update for each inserted row.
    seller = models.ForeignKey(
        Seller,
        verbose_name=_("seller"),
        on_delete=models.PROTECT,
        related_name="products",
        db_index=False,
    )
    # The marketplace's item code (GdNo / ItemCode / item_number), made from the primary
    # key in the same transaction as the insert: NULL (not "") for that moment, as
    # several empty strings would collide on the unique index.
    item_code = models.CharField(  # noqa: DJ001
        _("item code"), max_length=20, unique=True, null=True
    )
    seller_code = models.CharField(_("seller item code"), max_length=100)
    title = models.CharField(_("item name"), max_length=100)
    promotion_name = models.CharField(_("promotion text"), max_length=20, blank=True)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="products"
    )
    brand = models.ForeignKey(
        Brand, verbose_name=_("brand"), null=True, blank=True, on_delete=models.PROTECT
    )
    status = models.CharField(
        _("status"), max_length=2, choices=ItemStatus.choices, default=ItemStatus.ON_SALE
    )
    price = models.PositiveIntegerField(_("price (yen)"))
    retail_price = models.PositiveIntegerField(_("retail price (yen)"), null=True, blank=True)
    tax_rate = models.CharField(_("tax rate"), max_length=2, blank=True)
    quantity = models.PositiveIntegerField(_("quantity"), default=0)
    sale_ends_on = models.DateField(_("sale ends"), null=True, blank=True)
    shipping_no = models.PositiveIntegerField(_("shipping group"), default=0)
    description = models.TextField(_("description"), blank=True)
    image_main = models.CharField(_("main image"), max_length=500, blank=True)
    images_other = models.JSONField(_("other images"), default=list, blank=True)
    video_url = models.CharField(_("video URL"), max_length=500, blank=True)
    adult = models.BooleanField(_("adult item"), default=False)
    keywords = models.JSONField(_("search keywords"), default=list, blank=True)
    industrial_code_type = models.CharField(_("product code type"), max_length=1, blank=True)
    industrial_code = models.CharField(_("product code"), max_length=30, blank=True)
    model_name = models.CharField(_("model name"), max_length=100, blank=True)
    manufacture_date = models.DateField(_("manufactured"), null=True, blank=True)
    origin_type = models.CharField(_("origin type"), max_length=1, blank=True)
    origin = models.CharField(_("origin"), max_length=100, blank=True)
    weight = models.DecimalField(
        _("weight (kg)"), max_digits=9, decimal_places=3, null=True, blank=True
    )
    material = models.CharField(_("material"), max_length=500, blank=True)
    contact_info = models.CharField(_("after-sales contact"), max_length=200, blank=True)
    additional_option = models.TextField(_("additional options"), blank=True)
    # The API's ItemType as sent (option rows, name||*value||*price||*qty||*code joined by $$).
    item_type = models.TextField(_("item type"), blank=True)
    available_date_type = models.PositiveSmallIntegerField(_("shipping date type"), default=0)
    available_date_value = models.CharField(_("shipping date"), max_length=10, blank=True)
    # Options (variations) as the bulk template writes them:
    # [{"name1", "value1", "name2", "value2", "price", "qty", "code"}]
    options = models.JSONField(_("options"), default=list, blank=True)
    # Template columns the catalog keeps but does not interpret (header/footer HTML,
    # purchase limits, expiry details…), by column key, so a file round-trips unchanged.
    extra = models.JSONField(_("other attributes"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SellerOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["seller", "seller_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["seller", "seller_code"], name="seller_code_unique_per_seller"
            )
        ]
        indexes = [models.Index(fields=["seller", "status"], name="product_seller_status")]

    def __str__(self) -> str:
        return f"{self.item_code or '-'} {self.seller_code}"


class ItemCodeSequence(models.Model):
    """The next item code: one row, advanced under a row lock, so that a batch can take a
    block of codes before it inserts (and the API one at a time)."""

    next_code = models.BigIntegerField()

    class Meta:
        verbose_name = _("item code sequence")

    def __str__(self) -> str:
        return str(self.next_code)
