"""`sellergate worker`: django-tasks-db's worker, plus the periodic jobs beside it."""

from __future__ import annotations

import threading
from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from sellergate.grants.services import retry_stuck_provisioning
from sellergate.worker import heartbeat, schedule


class Command(DbWorkerCommand):
    help = "Run background tasks (FTP provisioning, mails, bulk jobs) and periodic jobs."

    def add_arguments(self, parser: Any) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--no-schedule", action="store_true", help="Run tasks only, no periodic jobs."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # A worker killed mid-task leaves its task claimed for good: what it was doing is
        # found by its state (an account still PROVISIONING) and enqueued again.
        retry_stuck_provisioning()
        stopping = threading.Event()
        threading.Thread(target=heartbeat.run_forever, args=(stopping,), daemon=True).start()
        if not options.pop("no_schedule"):
            threading.Thread(target=schedule.run_forever, args=(stopping,), daemon=True).start()
        options.setdefault("reload", False)
        try:
            super().handle(*args, **options)
        finally:
            stopping.set()
            heartbeat.stop()
