"""The one security header Django does not send itself: Permissions-Policy.

Content-Security-Policy comes from Django's own middleware (settings.SECURE_CSP), HSTS,
nosniff, Referrer-Policy and Cross-Origin-Opener-Policy from SecurityMiddleware; this
adds that the pages use no camera, microphone, location, payment or device APIs, so a
script injected somehow could not ask for them either.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class PermissionsPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
