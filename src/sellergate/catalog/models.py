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
    # The guide asks MOVE listings for style and TPO codes "in the fashion categories"
    # without listing them: operators mark them (a mark on a large or medium category
    # holds for everything below it).
    fashion = models.BooleanField(
        _("fashion category"),
        default=False,
        help_text=_("MOVE listings in this category and below must give style and TPO codes."),
    )

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def is_fashion(self) -> bool:
        node: Category | None = self
        while node is not None:
            if node.fashion:
                return True
            node = node.parent
        return False

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


class FashionCode(models.Model):
    """A code of the marketplace's fashion tables, kept by the operators (the guide names
    them by example only: STY0001, TPO0001)."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name (Japanese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class StyleCode(FashionCode):
    """A style (casual, formal…) a MOVE listing names in StyleNumber."""

    class Meta(FashionCode.Meta):
        verbose_name = _("style code")
        verbose_name_plural = _("style codes")


class TpoCode(FashionCode):
    """A time-place-occasion (office, wedding…) a MOVE listing names in TpoNumber."""

    class Meta(FashionCode.Meta):
        verbose_name = _("TPO code")
        verbose_name_plural = _("TPO codes")


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


class Listing(models.TextChoices):
    """The marketplace's listing types: a normal item, or a MOVE (fashion) listing, which
    has colours with their own images, sizes, and the fashion attributes
    (``MoveListing``) and is written by the MOVE methods only."""

    NORMAL = "", _("Normal")
    MOVE = "move", _("MOVE (fashion)")


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
    listing = models.CharField(
        _("listing type"), max_length=4, choices=Listing.choices, default="", blank=True
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


class MoveListing(models.Model):
    """What a MOVE listing has beyond its product (the guide's SetNewMoveGoods).

    Its stock rows are the product's ``options`` (name1 カラー with the colour, name2
    サイズ with the size when it has sizes, the quantity and the seller's option code),
    so the item's quantity is their sum as for every item with options. The rest is
    kept in the guide's terms, checked by ``catalog.move_rows`` when written:

    - ``colours``: ``[{"name", "colour_code", "main", "model_code", "worn_size",
      "image", "sub_images"}]`` in the seller's order, exactly one ``main``;
    - ``styles``/``tpos``: style and TPO codes (``StyleCode``/``TpoCode``), 1–2 each;
    - ``seasons`` 1–4, ``materials`` (material codes), ``videos`` (video codes);
    - ``attributes``: ``[[group, code, ...]]``; ``size_tables``: ``[{"type", "rows":
      [[size, item, value]]}]``; ``washing``: ``{"washing", "stretch", "fit",
      "thickness", "lining", "seethrough"}`` codes.
    """

    product = models.OneToOneField(
        Product,
        verbose_name=_("product"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="move",
    )
    series_name = models.CharField(_("series name"), max_length=16, blank=True)
    colours = models.JSONField(_("colours"), default=list)
    styles = models.JSONField(_("style codes"), default=list, blank=True)
    tpos = models.JSONField(_("TPO codes"), default=list, blank=True)
    seasons = models.JSONField(_("seasons"), default=list, blank=True)
    materials = models.JSONField(_("material codes"), default=list, blank=True)
    attributes = models.JSONField(_("attributes"), default=list, blank=True)
    washing = models.JSONField(_("washing information"), default=dict, blank=True)
    size_tables = models.JSONField(_("size tables"), default=list, blank=True)
    videos = models.JSONField(_("video codes"), default=list, blank=True)
    origin_region = models.CharField(_("region of origin"), max_length=20, blank=True)
    origin_country = models.CharField(_("country of origin"), max_length=2, blank=True)
    origin_other = models.CharField(_("other origin"), max_length=50, blank=True)
    shipping_name = models.CharField(_("shipping label"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("MOVE listing")
        verbose_name_plural = _("MOVE listings")

    def __str__(self) -> str:
        return str(self.product)


class ItemCodeSequence(models.Model):
    """The next item code: one row, advanced under a row lock, so that a batch can take a
    block of codes before it inserts (and the API one at a time)."""

    next_code = models.BigIntegerField()

    class Meta:
        verbose_name = _("item code sequence")

    def __str__(self) -> str:
        return str(self.next_code)
