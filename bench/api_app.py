"""The WSGI application bench/api.py serves: sellergate itself, plus two bare Django
views through the same middleware, answering what an item lookup answers without
authentication or the API's dispatcher:

- /bench/bare/lookup/<item code>: the same query and the same JSON, built per request
  (the baseline the API is held to: what the API adds is authentication and dispatch);
- /bench/bare/static/: the same JSON as fixed bytes (no database at all).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import django
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sellergate.settings")
django.setup()

BODY = Path(os.environ["BENCH_BARE_BODY"]).read_bytes()


def bare_static(request: HttpRequest) -> HttpResponse:
    return HttpResponse(BODY, content_type="application/json; charset=utf-8")


def bare_lookup(request: HttpRequest, seller_id: int, item_code: str) -> HttpResponse:
    """The lookup the API method makes (the same selector, the same JSON), with the seller
    taken from the URL instead of from a verified key."""
    from sellergate.catalog.selectors import product_get
    from sellergate.qapi.envelope import JSON, render, result
    from sellergate.qapi.methods.item_fields import item_info
    from sellergate.sellers.models import Seller

    product = product_get(Seller(pk=seller_id), item_code=item_code)
    return render(result(0, "SUCCESS", [item_info(product)]), JSON)


urlpatterns = [
    path("bench/bare/static/", bare_static),
    path("bench/bare/lookup/<int:seller_id>/<str:item_code>/", bare_lookup),
    path("", include("sellergate.urls")),
]
settings.ROOT_URLCONF = __name__

from django.core.wsgi import get_wsgi_application  # noqa: E402 - after the URLconf is set

application = get_wsgi_application()
json.loads(BODY)  # the baseline must be the real answer, not an empty body
