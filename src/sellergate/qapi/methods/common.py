"""CommonInfoLookup: the operator-kept category, brand and maker tables.

Where the guide is silent:

- ``lang_cd`` takes the guide's four codes (JA, KO, EN, ZH-CN) in any case. The tables
  hold Japanese and English names; KO and ZH-CN are answered with the English name
  where there is one (else the Japanese), which a reader of either language can use
  more readily than Japanese, rather than refusing a code the guide lists.
- ``SearchBrand``/``SearchMaker`` answer at most ``MAX_ROWS`` rows, by name; the guide
  gives no bound. ``SearchMaker`` without a keyword lists the first of them all.
- ``M_B_NM_EN`` is empty when no English name was entered.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from sellergate.catalog import selectors
from sellergate.catalog.models import Brand, Category, Maker
from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call, method

MAX_ROWS = 100
LANGUAGES = ("JA", "KO", "EN", "ZH-CN")


@method(
    "CommonInfoLookup.GetCatagoryListAll",  # sic: the marketplace's spelling
    notes=gettext_lazy(
        "KO and ZH-CN are answered with the English names (the tables hold Japanese and English)."
    ),
    params=(
        Param(
            "lang_cd",
            type="choice",
            choices=LANGUAGES,
            help=gettext_lazy("Names in JA (default), EN; KO and ZH-CN get the English ones."),
        ),
    ),
    summary=gettext_lazy("Every small category with its medium and large ones."),
)
def get_category_list_all(call: Call) -> list[dict[str, Any]]:
    japanese = call.params.get("lang_cd", "JA") == "JA"

    def name(category: Category) -> str:
        return category.name if japanese else (category.name_en or category.name)

    return [
        {
            "CATE_L_CD": large.code,
            "CATE_L_NM": name(large),
            "CATE_M_CD": medium.code,
            "CATE_M_NM": name(medium),
            "CATE_S_CD": small.code,
            "CATE_S_NM": name(small),
        }
        for large, medium, small in selectors.leaf_categories()
    ]


def _named(rows: QuerySet[Any], keyword: str) -> list[dict[str, Any]]:
    return [
        {"M_B_NO": row.number, "M_B_NM": row.name, "M_B_NM_EN": row.name_en}
        for row in selectors.named(rows, keyword, MAX_ROWS)
    ]


KEYWORD = gettext_lazy("Part of the name (Japanese or English).")


@method(
    "CommonInfoLookup.SearchBrand",
    params=(Param("keyword", required=True, max_length=50, help=KEYWORD),),
    summary=gettext_lazy("Brands whose name contains the keyword (at most 100)."),
)
def search_brand(call: Call) -> list[dict[str, Any]]:
    return _named(Brand.objects.all(), call.params["keyword"])


@method(
    "CommonInfoLookup.SearchMaker",
    params=(Param("keyword", max_length=50, help=KEYWORD),),
    summary=gettext_lazy("Makers whose name contains the keyword (at most 100)."),
)
def search_maker(call: Call) -> list[dict[str, Any]]:
    return _named(Maker.objects.all(), call.params.get("keyword", ""))
