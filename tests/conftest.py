from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command

from sellergate.audit.actors import Actor
from sellergate.i18n import compile_catalogs


def pytest_configure(config: pytest.Config) -> None:
    # As `sellergate serve` does at start: build the .mo files from the committed .po
    # files, and collect the static files (the manifest storage needs them), here into
    # a directory of the test session's own.
    compile_catalogs()
    settings.STATIC_ROOT = Path(tempfile.mkdtemp(prefix="sellergate-static-"))
    call_command("collectstatic", interactive=False, verbosity=0)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(settings.STATIC_ROOT, ignore_errors=True)


@pytest.fixture
def actor() -> Actor:
    return Actor.system("test")


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    # Caches outlive the test database's rollback; a test starts with none of another's.
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _ftp_root(settings, tmp_path) -> None:
    settings.FTP_ROOT = tmp_path / "ftp"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:
    # Tests log in many users; the real hasher's cost is tested by Django itself.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_report_header(config: pytest.Config) -> str:
    database = settings.DATABASES["default"]
    engine = database["ENGINE"].rsplit(".", 1)[-1]
    return f"database: {engine} {database.get('HOST') or database['NAME']}"
