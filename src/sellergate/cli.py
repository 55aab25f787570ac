"""The ``sellergate`` console command: Django's management commands under one name.

``sellergate serve``, ``sellergate demo``, ``sellergate migrate``, ``sellergate
load_standing`` … are all management commands; this only points Django at the settings
and, for ``demo``, switches demo mode on before the settings are read.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "demo":
        os.environ["SELLERGATE_DEMO"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sellergate.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["sellergate", *argv[1:]])


if __name__ == "__main__":
    main()
