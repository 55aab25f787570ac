"""Where the catalog's checks find categories, brands and shipping groups.

One product at a time (the API) asks the database each time; a batch (a bulk file) asks
once per code and remembers, so a 100 000-row file makes a handful of lookups, not
300 000. The checks themselves are the same code either way (``services._resolve``).
"""

from __future__ import annotations

from sellergate.catalog.models import Brand, Category, ShippingGroup
from sellergate.sellers.models import Seller


class Lookups:
    def category(self, code: str) -> tuple[Category | None, bool]:
        """The category and whether it is a leaf."""
        category = Category.objects.filter(code=code).first()
        return category, category is not None and not category.children.exists()

    def brand(self, number: str) -> Brand | None:
        return Brand.objects.filter(number=number).first()

    def shipping_group(self, seller: Seller, number: int) -> bool:
        return ShippingGroup.objects.of(seller).filter(number=number).exists()


class CachedLookups(Lookups):
    """For one batch job: each code looked up once."""

    def __init__(self) -> None:
        self._categories: dict[str, tuple[Category | None, bool]] = {}
        self._brands: dict[str, Brand | None] = {}
        self._groups: dict[tuple[int, int], bool] = {}

    def category(self, code: str) -> tuple[Category | None, bool]:
        if code not in self._categories:
            self._categories[code] = super().category(code)
        return self._categories[code]

    def brand(self, number: str) -> Brand | None:
        if number not in self._brands:
            self._brands[number] = super().brand(number)
        return self._brands[number]

    def shipping_group(self, seller: Seller, number: int) -> bool:
        key = (seller.pk, number)
        if key not in self._groups:
            self._groups[key] = super().shipping_group(seller, number)
        return self._groups[key]


DATABASE = Lookups()
