from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sellergate.core.actors import Actor
from sellergate.sellers.csv_import import KINDS, ImportError_, load_csv


class Command(BaseCommand):
    help = (
        "Load sellers, orders, customer questions or claims from a CSV file with a header "
        "row. All rows are checked first; a file with any bad row changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(KINDS), help="What the file holds.")
        parser.add_argument("file", type=Path, help="The CSV file (UTF-8 or Shift_JIS).")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        try:
            count = load_csv(path, kind=options["kind"], actor=Actor.system("cli"))
        except ImportError_ as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise CommandError(
                f"{path.name}: nothing was loaded; fix the rows above and run again."
            ) from None
        self.stdout.write(
            self.style.SUCCESS(f"{path.name}: {count} {options['kind']} rows loaded.")
        )
