"""Counts and times every HTTP request for /metrics."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from sellergate.core.metrics import HTTP_REQUESTS, HTTP_SECONDS

_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


class RequestMetricsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        # The pattern's name, never the path: paths carry seller IDs and file names.
        route = (match.view_name if match else "") or "unmatched"
        HTTP_REQUESTS.labels(
            route=route,
            method=request.method if request.method in _METHODS else "other",
            status=f"{response.status_code // 100}xx",
        ).inc()
        HTTP_SECONDS.labels(route=route).observe(time.perf_counter() - started)
        return response
