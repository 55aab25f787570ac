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
