"""`sellergate ftp`: parse options into an FtpConfig and hand it to the runner."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sellergate.ftpd.config import FtpConfig
from sellergate.ftpd.runner import run


class Command(BaseCommand):
    help = "Run the FTP/FTPS server for sellers' uploads."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, help="Control port (default SELLERGATE_FTP_PORT).")

    def handle(self, *args: Any, **options: Any) -> None:
        run(FtpConfig.from_settings(port=options["port"]))
