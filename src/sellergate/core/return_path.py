"""Where a page sends a person back to: the language switcher's ``next`` and the log-in's.

A page that answers a POST (a new API key or FTP password shown once, a form with its
errors) has a URL that only takes POST: sending the browser back there after switching
the language, or after logging in again, answers 405 and the page is lost. Such a page
returns to where the POST came from (the page with the form, from the Referer, when it
is this site's), else to the home of the face it belongs to; a GET page returns to
itself.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

#: The home of each face, by the first part of the path.
HOMES = {"desk": "/desk/", "seller": "/seller/"}


def return_path(request: HttpRequest) -> str:
    if request.method in ("GET", "HEAD"):
        return request.get_full_path()
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        parts = urlsplit(referer)
        if parts.path != request.path:
            return parts.path + (f"?{parts.query}" if parts.query else "")
    face = request.path.strip("/").split("/", 1)[0]
    return HOMES.get(face, "/")


def context(request: HttpRequest) -> dict[str, Any]:
    """``return_path`` for templates (the language switcher)."""
    return {"return_path": return_path(request)}
