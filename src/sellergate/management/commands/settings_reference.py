from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from sellergate.env import REGISTRY


def reference() -> str:
    """Every environment variable the settings module reads, in the order it reads them:
    one Markdown table (docs/deploy.md includes it; a test keeps the two equal)."""
    lines = ["| variable | default | meaning |", "|---|---|---|"]
    for variable in REGISTRY.values():
        help_text = variable.help.replace("|", "\\|")
        lines.append(f"| `{variable.name}` | `{variable.default}` | {help_text} |")
    return "\n".join(lines) + "\n"


class Command(BaseCommand):
    help = "Print the settings reference (every environment variable, default, meaning)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(reference(), ending="")
