from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command

from sellergate.core.actors import Actor
from sellergate.credentials import ftp_logins
from sellergate.i18n import compile_catalogs
from sellergate.qapi import ratelimit, usage
from tests import clock as suite_clock
from tests import tools
from tests.processes import running_redis


def pytest_addoption(parser: pytest.Parser) -> None:
    suite_clock.addoption(parser)


def pytest_configure(config: pytest.Config) -> None:
    # As `sellergate serve` does at start: build the .mo files from the committed .po
    # files, and collect the static files (the manifest storage needs them), here into
    # a directory of the test session's own.
    compile_catalogs()
    settings.STATIC_ROOT = Path(tempfile.mkdtemp(prefix="sellergate-static-"))
    call_command("collectstatic", interactive=False, verbosity=0)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(settings.STATIC_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def clock(request: pytest.FixtureRequest) -> Iterator[suite_clock.Clock]:
    """Every test at a known instant: its ``@pytest.mark.clock(...)``, else the suite's
    (tests/clock.py). First of the autouse fixtures, so that every other sees it."""
    yield from suite_clock.travel(request)


@pytest.fixture
def actor() -> Actor:
    return Actor.system("test")


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    # Caches outlive the test database's rollback; a test starts with none of another's.
    for alias in settings.CACHES:
        caches[alias].clear()
    ftp_logins.forget_all()


@pytest.fixture(autouse=True)
def _fresh_limits_and_counts() -> Iterator[None]:
    # Any test may call the API in this process (directly or through the live server):
    # its usage counts must not be written during another test, for keys gone by then.
    ratelimit.reset()
    usage.discard()
    yield
    ratelimit.reset()
    usage.discard()


@pytest.fixture(autouse=True)
def _ftp_root(settings, tmp_path) -> None:
    settings.FTP_ROOT = tmp_path / "ftp"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:
    # Tests log in many users; the real hasher's cost is tested by Django itself.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Redis server of the test session's own (Debian's redis-server; tests/tools.py)."""
    server = tools.need("redis-server")
    with running_redis(tmp_path_factory.mktemp("redis"), server) as url:
        yield url


@pytest.fixture
def shared_redis(settings, redis_url: str) -> str:
    """This test's settings point at the test Redis (empty at the start), as
    SELLERGATE_REDIS_URL would: the credentials cache and the rate limits live there."""
    import redis

    from sellergate.settings import credentials_cache

    redis.Redis.from_url(redis_url).flushdb()
    settings.REDIS_URL = redis_url
    settings.CACHES = {**settings.CACHES, "credentials": credentials_cache(redis_url)}
    return redis_url


def pytest_report_header(config: pytest.Config) -> list[str]:
    database = settings.DATABASES["default"]
    engine = database["ENGINE"].rsplit(".", 1)[-1]
    return [
        f"database: {engine} {database.get('HOST') or database['NAME']}",
        suite_clock.report_header(config),
    ]
