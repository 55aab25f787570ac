"""/healthz, /readyz and /metrics: for load balancers, orchestrators and Prometheus."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from sellergate.addresses import in_networks
from sellergate.monitoring import exposition, readiness


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is up and answering; nothing else is checked (a liveness probe)."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    """Ready for traffic: database reachable, migrations applied, a worker alive."""
    checks = readiness.run()
    ready = all(result == "ok" for result in checks.values())
    return JsonResponse(
        {"status": "ready" if ready else "not ready", "checks": checks},
        status=200 if ready else 503,
    )


@never_cache
@require_safe
def metrics(request: HttpRequest) -> HttpResponse:
    if not in_networks(request.META.get("REMOTE_ADDR", ""), settings.METRICS_ALLOWED_NETWORKS):
        return HttpResponse(
            "403 Forbidden: /metrics is open to SELLERGATE_METRICS_ALLOWED_NETWORKS only.\n",
            status=403,
            content_type="text/plain; charset=utf-8",
        )
    body, content_type = exposition.render()
    return HttpResponse(body, content_type=content_type)
