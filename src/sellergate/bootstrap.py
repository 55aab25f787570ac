"""What every start of sellergate does before serving: catalogs, database, static files."""

from __future__ import annotations

from django.core.management import call_command

from sellergate.i18n import compile_catalogs


def prepare(*, verbosity: int = 1) -> None:
    """Compile the message catalogs, apply migrations and collect static files.

    Each step does nothing when there is nothing to do, so it is safe at every start.
    """
    compile_catalogs()
    call_command("migrate", interactive=False, verbosity=verbosity)
    call_command("collectstatic", interactive=False, verbosity=0)
