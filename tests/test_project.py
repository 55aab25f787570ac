"""Checks a clean CI machine makes on the code base itself."""

from __future__ import annotations

import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.django_db
def test_models_and_migrations_agree() -> None:
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_ruff_finds_nothing() -> None:
    # Beside this interpreter too: `.venv/bin/pytest` run without the venv on PATH.
    beside = Path(sys.executable).parent / "ruff"
    ruff = shutil.which("ruff") or (str(beside) if beside.exists() else None)
    if ruff is None:
        pytest.fail("ruff is not installed in this environment (uv sync installs it)")
    lint = subprocess.run(
        [ruff, "check", "--quiet", str(ROOT)], capture_output=True, text=True, check=False
    )
    assert lint.returncode == 0, lint.stdout
    fmt = subprocess.run(
        [ruff, "format", "--check", "--quiet", str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert fmt.returncode == 0, fmt.stdout


@pytest.mark.django_db
def test_django_system_checks_pass() -> None:
    call_command("check", "--fail-level", "WARNING")
