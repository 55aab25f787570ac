"""The processes ``sellergate serve`` runs, built from settings."""

from __future__ import annotations

from django.conf import settings

from sellergate.supervisor import ProcessSpec, python_module


def web_process(*, host: str, port: int, workers: int) -> ProcessSpec:
    # granian over WSGI: measured on this 2-core machine with a bare Django JSON view,
    # ~11 600 req/s, against ~1 800 for the same view through Django's ASGI handler.
    # sellergate is a synchronous Django app, so it is served over WSGI.
    return ProcessSpec(
        name="web",
        argv=python_module(
            "granian",
            "--interface",
            "wsgi",
            "--host",
            host,
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--blocking-threads",
            str(settings.WEB_THREADS),
            "--no-ws",
            "sellergate.wsgi:application",
        ),
        env={"DJANGO_SETTINGS_MODULE": "sellergate.settings"},
    )


def worker_process() -> ProcessSpec:
    return ProcessSpec(
        name="worker",
        argv=python_module("sellergate", "worker", "--no-startup-delay", "--interval", "0.5"),
    )


def ftp_process(*, port: int | None = None) -> ProcessSpec:
    env: dict[str, str] = {}
    if settings.DEMO and not settings.FTP_TLS_CERT:
        # The demo's FTPS runs on a self-signed certificate made on first start.
        from sellergate.ftpd.certificates import ensure_self_signed

        cert, key = ensure_self_signed(settings.DATA_DIR / "tls", settings.FTP_PUBLIC_HOST)
        env = {"SELLERGATE_FTP_TLS_CERT": str(cert), "SELLERGATE_FTP_TLS_KEY": str(key)}
    argv = python_module("sellergate", "ftp")
    if port:
        argv += ["--port", str(port)]
    # Its own shutdown lets transfers in flight finish for FTP_SHUTDOWN_GRACE_SECONDS: the
    # supervisor waits that long, and a little more, before it kills it.
    grace = settings.FTP_SHUTDOWN_GRACE_SECONDS + 5
    return ProcessSpec(name="ftp", argv=argv, env=env, grace_seconds=grace)


def all_processes(*, host: str | None = None, port: int | None = None) -> list[ProcessSpec]:
    return [
        web_process(
            host=host or settings.WEB_HOST,
            port=port or settings.WEB_PORT,
            workers=settings.WEB_WORKERS,
        ),
        worker_process(),
        ftp_process(),
    ]
