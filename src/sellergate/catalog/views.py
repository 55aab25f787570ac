from __future__ import annotations

import mimetypes

from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from sellergate.catalog import images
from sellergate.sellers.models import Seller


@require_GET
def image(request: HttpRequest, login_id: str, name: str) -> FileResponse:
    """A seller's product image, public like the items it shows."""
    seller = get_object_or_404(Seller, login_id=login_id)
    path = images.find(seller, name)
    if path is None:
        raise Http404("no such image")
    response = FileResponse(path.open("rb"), content_type=mimetypes.guess_type(name)[0])
    response["Cache-Control"] = "public, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response
