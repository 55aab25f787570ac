"""The seller's products: a list to find one, and a page with what the API and the bulk
files have set on it.

The list searches by seller item code (from its start, in any case, as sellers type the
codes they made), by item code (whole) or by a part of the name; filters by status and by stock;
50 a page in seller-item-code order, the order of the index every per-seller lookup uses,
so a catalog of 100 000 items pages as fast as one of 100 (bench/product_pages.py).

The page shows every field by the model's own label, in the groups of the bulk
template, options with their stock (the item's quantity is their sum where they have
stock, and the page says so), and a MOVE listing's colours, codes and origin. Read only:
products change through the API and the bulk files, whose rules are the catalog's.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.db.models import Model, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sellergate.accounts.roles import seller_required
from sellergate.catalog import selectors, seller_codes
from sellergate.catalog.errors import CatalogError
from sellergate.catalog.models import Category, ItemStatus, Listing, MoveListing
from sellergate.catalog.move import move_of
from sellergate.portal.tenancy import current_seller

PAGE_SIZE = 50

#: The page's groups, in the bulk template's order; each field by the model's label.
GROUPS: list[tuple[Any, list[str]]] = [
    (
        gettext_lazy("Item"),
        ["item_code", "seller_code", "title", "promotion_name", "status", "listing", "brand"],
    ),
    (
        gettext_lazy("Price and stock"),
        ["price", "retail_price", "tax_rate", "quantity", "sale_ends_on"],
    ),
    (
        gettext_lazy("Shipping"),
        ["shipping_no", "available_date_type", "available_date_value", "weight"],
    ),
    (
        gettext_lazy("Details"),
        [
            "industrial_code_type",
            "industrial_code",
            "model_name",
            "manufacture_date",
            "origin_type",
            "origin",
            "material",
            "contact_info",
            "adult",
            "keywords",
        ],
    ),
    (
        gettext_lazy("Images and description"),
        ["image_main", "images_other", "video_url", "description"],
    ),
    (gettext_lazy("Record"), ["created_at", "updated_at"]),
]
MOVE_FIELDS = [
    "series_name",
    "styles",
    "tpos",
    "seasons",
    "materials",
    "videos",
    "origin_region",
    "origin_country",
    "origin_other",
    "shipping_name",
]
STOCK_CHOICES = [
    ("", gettext_lazy("Any stock")),
    ("out", gettext_lazy("Out of stock")),
    ("in", gettext_lazy("In stock")),
]


class ProductFilter(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Seller item code, item code or name"),
        required=False,
        max_length=100,
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("Any status")), *ItemStatus.choices],
    )
    stock = forms.ChoiceField(label=gettext_lazy("Stock"), required=False, choices=STOCK_CHOICES)


@seller_required
def product_list(request: HttpRequest) -> HttpResponse:
    seller = current_seller(request)
    form = ProductFilter(request.GET)
    rows = selectors.seller_products(seller).only(
        "item_code",
        "seller_code",
        "title",
        "status",
        "listing",
        "price",
        "quantity",
        "updated_at",
        "seller",
        "category__code",
        "category__name",
        "brand__name",
    )
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        if query:
            rows = rows.filter(
                Q(seller_code__istartswith=seller_codes.normal(query))
                | Q(item_code=query)
                | Q(title__icontains=query)
            )
        if form.cleaned_data["status"]:
            rows = rows.filter(status=form.cleaned_data["status"])
        if form.cleaned_data["stock"] == "out":
            rows = rows.filter(quantity=0)
        elif form.cleaned_data["stock"] == "in":
            rows = rows.filter(quantity__gt=0)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portal/products.html", {"page": page, "form": form})


def _shown(record: Model, name: str) -> Any:
    """A field's value as a person reads it: choices by their label, lists joined."""
    field = record._meta.get_field(name)
    value = getattr(record, name)
    if getattr(field, "choices", None):
        value = getattr(record, f"get_{name}_display")()
    if value in (None, "", [], {}):
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, int | Decimal | dt.date):
        return value
    return str(value)


def _rows(record: Model, names: list[str]) -> list[tuple[str, Any]]:
    return [
        (str(record._meta.get_field(name).verbose_name), _shown(record, name))  # type: ignore[union-attr]
        for name in names
    ]


@seller_required
def product_detail(request: HttpRequest, item_code: str) -> HttpResponse:
    seller = current_seller(request)
    try:
        product = selectors.product_get(seller, item_code=item_code)
    except CatalogError:
        raise Http404(_("No such item in your catalog.")) from None
    move: MoveListing | None = move_of(product) if product.listing == Listing.MOVE else None
    options = product.options or []
    stocked = [row for row in options if row.get("qty") is not None]
    chain: list[Category] = []
    node: Category | None = product.category
    while node is not None:
        chain.insert(0, node)
        node = node.parent
    context = {
        "product": product,
        "groups": [(title, _rows(product, names)) for title, names in GROUPS],
        "categories": chain,
        "options": options,
        "options_sum": sum(int(row.get("qty") or 0) for row in stocked),
        "quantity_is_sum": bool(stocked),
        "additional": product.additional_option,
        "extra": sorted(product.extra.items()),
        "move": move,
        "move_rows": _rows(move, MOVE_FIELDS) if move else [],
    }
    return render(request, "portal/product_detail.html", context)
