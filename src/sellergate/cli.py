"""The ``sellergate`` console command: Django's management commands under one name.

``sellergate serve``, ``sellergate demo``, ``sellergate migrate``, ``sellergate
load_standing`` … are all management commands; this only points Django at the settings
and, for ``demo``, switches demo mode on before the settings are read.

A domain's refusal that a command did not handle itself (``sellergate.core.errors.
Refusal``) ends the command with its message and exit status 2 (a traceback is for
bugs); commands that explain more (``load_standing``) raise Django's ``CommandError``,
status 1.
"""

from __future__ import annotations

import os
import sys

#: The exit status of a command a domain refused.
REFUSED = 2


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "demo":
        os.environ["SELLERGATE_DEMO"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sellergate.settings")
    from django.core.management import execute_from_command_line

    from sellergate.core.errors import Refusal

    try:
        execute_from_command_line(["sellergate", *argv[1:]])
    except Refusal as refusal:
        sys.stderr.write(f"{refusal.text()}\n")
        sys.exit(REFUSED)


if __name__ == "__main__":
    main()
