from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sellergate.bootstrap import prepare
from sellergate.processes import all_processes
from sellergate.supervisor import Supervisor


class Command(BaseCommand):
    help = "Apply migrations, then run the web server (and every other sellergate process)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", help="Address to listen on (default SELLERGATE_HOST).")
        parser.add_argument("--port", type=int, help="Web port (default SELLERGATE_PORT).")

    def handle(self, *args: Any, **options: Any) -> None:
        prepare(verbosity=options["verbosity"])
        raise SystemExit(
            Supervisor(all_processes(host=options["host"], port=options["port"])).run()
        )
