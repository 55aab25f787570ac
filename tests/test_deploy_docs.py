"""docs/deploy.md and deploy/ say what the code does: the settings table is the one the
settings module generates, and every sellergate command they run exists."""

from __future__ import annotations

import re
from pathlib import Path

from django.core.management import get_commands

from sellergate.management.commands.settings_reference import reference

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "deploy.md").read_text()


def test_the_settings_reference_is_the_generated_one() -> None:
    assert DOC.endswith(reference()), "run: uv run sellergate settings_reference, paste it"


def test_every_variable_the_docs_name_exists() -> None:
    table = reference()
    named = set(re.findall(r"\b(SELLERGATE_[A-Z_]+[A-Z])\b", DOC.split("## Settings reference")[0]))
    unknown = {name for name in named if f"`{name}`" not in table}
    assert not unknown


def test_every_sellergate_command_in_the_docs_and_units_exists() -> None:
    texts = [DOC, *(path.read_text() for path in (ROOT / "deploy").rglob("*") if path.is_file())]
    # `sellergate CMD` in the docs, .../bin/sellergate CMD in units, [sellergate, CMD] in compose
    pattern = r"(?:bin/sellergate |`sellergate |\[sellergate, )([a-z_]+)"
    used = {command for text in texts for command in re.findall(pattern, text)}
    assert {"prepare", "web", "worker", "ftp", "createsuperuser"} <= used
    assert not used - set(get_commands())
