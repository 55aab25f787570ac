"""Settings from the environment fail fast on a bad value and name the variable."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from sellergate import env


def test_defaults_apply_when_unset(monkeypatch) -> None:
    monkeypatch.delenv("SG_TEST", raising=False)
    assert env.env_bool("SG_TEST", True) is True
    assert env.env_int("SG_TEST", 7) == 7
    assert env.env_list("SG_TEST", ["a"]) == ["a"]
    assert env.env_path("SG_TEST", Path("var")) == Path("var").resolve()


@pytest.mark.parametrize(
    ("raw", "value"), [("1", True), ("yes", True), ("off", False), ("FALSE", False)]
)
def test_booleans(monkeypatch, raw, value) -> None:
    monkeypatch.setenv("SG_TEST", raw)
    assert env.env_bool("SG_TEST", not value) is value


@pytest.mark.parametrize(
    ("reader", "raw", "expected"),
    [
        (lambda: env.env_bool("SG_TEST", False), "ture", "one of 1/0, true/false"),
        (lambda: env.env_int("SG_TEST", 1), "eight", "a whole number"),
        (lambda: env.env_int("SG_TEST", 1, minimum=1, maximum=65535), "70000", "from 1 to 65535"),
        (lambda: env.env_choice("SG_TEST", "a", ("a", "b")), "c", "one of a, b"),
    ],
)
def test_bad_values_fail_fast_naming_the_variable(monkeypatch, reader, raw, expected) -> None:
    monkeypatch.setenv("SG_TEST", raw)
    with pytest.raises(ImproperlyConfigured) as raised:
        reader()
    message = str(raised.value)
    assert f"SG_TEST={raw!r}" in message
    assert expected in message
    assert "unset SG_TEST" in message


def test_lists_are_comma_separated(monkeypatch) -> None:
    monkeypatch.setenv("SG_TEST", " a.example, b.example ,,")
    assert env.env_list("SG_TEST", []) == ["a.example", "b.example"]


def test_every_variable_read_is_registered_with_its_help() -> None:
    assert "DATABASE_URL" in env.REGISTRY
    assert env.REGISTRY["SELLERGATE_DATA_DIR"].help


def test_the_sqlite_database_and_its_wal_are_the_owners_alone(tmp_path) -> None:
    import os
    import stat
    import subprocess
    import sys

    data = tmp_path / "data"
    data.mkdir()
    environment = {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "SELLERGATE_DATA_DIR": str(data),
    }
    old = os.umask(0o022)  # as a shell would have it
    try:
        subprocess.run(
            [sys.executable, "-m", "sellergate", "migrate", "-v", "0"],
            env=environment,
            check=True,
            timeout=120,
        )
    finally:
        os.umask(old)
    database = data / "sellergate.sqlite3"
    for path in (database, Path(f"{database}-wal"), data / "secret_key"):
        if path.exists():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_an_existing_database_made_world_readable_is_made_private(tmp_path) -> None:
    import stat

    from sellergate.settings import _private_sqlite_file

    database = tmp_path / "db.sqlite3"
    database.write_bytes(b"")
    database.chmod(0o644)
    Path(f"{database}-wal").write_bytes(b"")
    Path(f"{database}-wal").chmod(0o644)
    _private_sqlite_file(str(database))
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    assert stat.S_IMODE(Path(f"{database}-wal").stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("given", "base_url"),
    [
        ({"SELLERGATE_PORT": "38000"}, "http://127.0.0.1:38000"),
        ({"SELLERGATE_HOST": "0.0.0.0", "SELLERGATE_PORT": "9000"}, "http://127.0.0.1:9000"),  # noqa: S104
        (
            {"SELLERGATE_PORT": "38000", "SELLERGATE_BASE_URL": "https://gate.example.com/"},
            "https://gate.example.com",
        ),
    ],
)
def test_links_follow_where_the_web_server_listens_unless_the_address_is_set(
    tmp_path, given, base_url
) -> None:
    import os
    import subprocess
    import sys

    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith("SELLERGATE_")},
        "SELLERGATE_DATA_DIR": str(tmp_path),
        **given,
    }
    printed = subprocess.run(
        [sys.executable, "-c", "from sellergate import settings; print(settings.BASE_URL)"],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.strip()
    assert printed == base_url
