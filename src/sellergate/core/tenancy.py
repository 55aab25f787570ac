"""The one tenancy gate: every seller-owned record is reached through ``.of(seller)``.

A model whose records belong to one seller uses ``SellerOwned`` (or a queryset built
on it) as its manager, and every interface that acts for a seller — the seller center,
the API methods, the FTP server — and the domain selectors they call start from
``Model.objects.of(seller)``, with the seller taken from who is logged in, never from a
URL, a parameter or a form. Another seller's record is then simply not found, the same
answer as a missing one. ``seller_path`` says where the seller is for models that hold
it through another record (a seller authorization key, through its API key).
"""

from __future__ import annotations

from typing import Any, Self

from django.db import models


class SellerOwnedQuerySet[M: models.Model](models.QuerySet[M]):
    #: The lookup from the model to its seller.
    seller_path = "seller"

    def of(self, seller: Any) -> Self:
        """Only the records of ``seller`` (a ``Seller`` or its primary key)."""
        return self.filter(**{self.seller_path: seller})
