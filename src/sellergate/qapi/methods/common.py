"""CommonInfoLookup: the operator-kept category and brand tables."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from sellergate.catalog.models import Brand, Category
from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call, method

MAX_BRANDS = 100


@method(
    "CommonInfoLookup.GetCatagoryListAll",  # sic: the marketplace's spelling
    params=(
        Param(
            "lang_cd",
            type="choice",
            choices=("ja", "en"),
            help=gettext_lazy("Names in ja (default) or en."),
        ),
    ),
    summary=gettext_lazy("Every small category with its medium and large ones."),
)
def get_category_list_all(call: Call) -> list[dict[str, Any]]:
    english = call.params.get("lang_cd") == "en"
    by_id = {c.pk: c for c in Category.objects.all()}
    parents = {c.parent_id for c in by_id.values() if c.parent_id}

    def name(category: Category) -> str:
        return (category.name_en or category.name) if english else category.name

    rows = []
    for category in sorted(by_id.values(), key=lambda c: c.code):
        if category.pk in parents:
            continue  # items go in leaves only
        chain = [category]
        while chain[-1].parent_id is not None:
            chain.append(by_id[chain[-1].parent_id])
        large, medium = chain[-1], chain[-2] if len(chain) > 2 else chain[-1]
        rows.append(
            {
                "CATE_L_CD": large.code,
                "CATE_L_NM": name(large),
                "CATE_M_CD": medium.code,
                "CATE_M_NM": name(medium),
                "CATE_S_CD": category.code,
                "CATE_S_NM": name(category),
            }
        )
    return rows


@method(
    "CommonInfoLookup.SearchBrand",
    params=(
        Param(
            "keyword", required=True, max_length=100, help=gettext_lazy("Part of the brand name.")
        ),
    ),
    summary=gettext_lazy("Brands whose name contains the keyword (at most 100)."),
)
def search_brand(call: Call) -> list[dict[str, Any]]:
    brands = Brand.objects.filter(name__icontains=call.params["keyword"]).order_by("name")
    return [{"M_B_NO": b.number, "M_B_NM": b.name} for b in brands[:MAX_BRANDS]]
