"""Who the seller center acts for: the logged-in user's seller, never the URL's or a form's.

Every object a seller's request can reach is looked up with
``Model.objects.of(current_seller(request))`` (the tenancy gate, ``sellergate.core.
tenancy``); an object of another seller is then simply not found (404), the same answer
as a missing one.
"""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model
from django.http import HttpRequest

from sellergate.sellers.models import Seller

M = TypeVar("M", bound=Model)


def current_seller(request: HttpRequest) -> Seller:
    seller = request.user.seller  # type: ignore[union-attr]
    assert seller is not None, "seller_required admits only sellers' users"
    return seller
