from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from sellergate.i18n import compile_catalogs
from sellergate.processes import web_process


class Command(BaseCommand):
    help = (
        "Run the web server alone (seller center, operator desk, API, health and metrics), "
        "for deployments that run each process under its own service; see docs/deploy.md. "
        "Run `sellergate prepare` first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", help="Address to listen on (default SELLERGATE_HOST).")
        parser.add_argument("--port", type=int, help="Port (default SELLERGATE_PORT).")
        parser.add_argument(
            "--workers", type=int, help="Worker processes (default SELLERGATE_WEB_WORKERS)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # The catalogs are files beside the code: compiling them needs no database and
        # does nothing when they are up to date.
        compile_catalogs()
        spec = web_process(
            host=options["host"] or settings.WEB_HOST,
            port=options["port"] or settings.WEB_PORT,
            workers=options["workers"] or settings.WEB_WORKERS,
        )
        # Replace this process with granian, so that the service manager's signals and
        # exit status are granian's own.
        os.execve(spec.argv[0], list(spec.argv), {**os.environ, **spec.env})  # noqa: S606
