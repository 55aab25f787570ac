"""The category list and the brand search the bulk files and the API ask sellers to use
("see the category list", "search brands first"): the tables the marketplace API answers
(CommonInfoLookup), read through the same selectors."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sellergate.accounts.roles import seller_required
from sellergate.catalog import selectors
from sellergate.catalog.models import Brand

PAGE_SIZE = 100
MAX_BRANDS = 100


@seller_required
def categories(request: HttpRequest) -> HttpResponse:
    """Every small category with its large and medium ones, filtered by code or name."""
    query = request.GET.get("q", "").strip()
    rows = selectors.leaf_categories()
    if query:
        folded = query.casefold()
        rows = [
            row
            for row in rows
            if any(
                folded in text.casefold()
                for category in row
                for text in (category.code, category.name, category.name_en)
            )
        ]
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portal/categories.html", {"page": page, "q": query})


@seller_required
def brands(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    found = selectors.named(Brand.objects.all(), query, MAX_BRANDS) if query else []
    return render(request, "portal/brands.html", {"brands": found, "q": query, "most": MAX_BRANDS})
