"""Programs from Debian that some tests drive (FTP clients, servers, the browser).

Where one is missing, the tests that need it are skipped with the package to install,
unless ``SELLERGATE_REQUIRE_TOOLS=1`` (set by .ci/run): there a missing program fails the
test, so that CI cannot pass by skipping.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

#: program → the Debian package that installs it.
PACKAGES = {
    "lftp": "lftp",
    "curl": "curl",
    "vsftpd": "vsftpd",
    "redis-server": "redis-server",
    "chromium": "chromium",
}

REQUIRE = "SELLERGATE_REQUIRE_TOOLS"


def required() -> bool:
    return os.environ.get(REQUIRE) == "1"


def missing(reason: str) -> None:
    """Skip the test with ``reason``, or fail it where the tools are required."""
    if required():
        pytest.fail(f"{reason} ({REQUIRE}=1)")
    pytest.skip(reason)


def need(program: str, path: str | Path | None = None) -> str:
    """The path of ``program`` (looked up on PATH, or ``path`` when given)."""
    found = str(path) if path and Path(path).exists() else shutil.which(program)
    if found is None:
        package = PACKAGES.get(program, program)
        missing(f"{path or program} not found: apt-get install {package} (Debian's {package})")
    return found  # type: ignore[return-value]
