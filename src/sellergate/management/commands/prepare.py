from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from sellergate.bootstrap import prepare


class Command(BaseCommand):
    help = (
        "Compile the message catalogs, apply migrations and collect static files: once per "
        "install or upgrade, before starting `sellergate web`, `ftp` and `worker` processes."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        prepare(verbosity=options["verbosity"])
