"""The one tenancy gate of the seller center.

Every object a seller's request can reach is looked up through ``own`` with the
seller taken from the logged-in user, never from the URL or a form; an object of
another seller is then simply not found (404), the same answer as a missing one.
"""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, QuerySet
from django.http import HttpRequest

from sellergate.sellers.models import Seller

M = TypeVar("M", bound=Model)


def current_seller(request: HttpRequest) -> Seller:
    seller = request.user.seller  # type: ignore[union-attr]
    assert seller is not None, "seller_required admits only sellers' users"
    return seller


def own[M: Model](request: HttpRequest, queryset: QuerySet[M]) -> QuerySet[M]:
    return queryset.filter(seller=current_seller(request))
