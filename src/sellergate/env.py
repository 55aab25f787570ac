"""Typed reading of environment variables, failing fast on a bad value.

Every setting sellergate reads from the environment goes through these helpers, so a
typo in a deployment (``SELLERGATE_DEBUG=ture``) stops the process at start-up with a
message naming the variable, the value and what would be accepted, instead of being
silently read as a default. They also record each variable they are asked for, so the
settings reference can be generated from the settings module itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from django.core.exceptions import ImproperlyConfigured

T = TypeVar("T")

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


@dataclass(frozen=True)
class Variable:
    name: str
    default: str
    help: str


#: Every variable read so far, in the order the settings module reads them.
REGISTRY: dict[str, Variable] = {}


def _read(name: str, default: object, help: str, shown: str | None = None) -> str | None:
    """``shown``: the default as the settings reference prints it, where the value itself
    depends on this machine (a path in the data directory, a mode)."""
    REGISTRY[name] = Variable(name=name, default=shown or repr(default), help=help)
    return os.environ.get(name)


def _fail(name: str, value: str, expected: str) -> ImproperlyConfigured:
    return ImproperlyConfigured(
        f"Environment variable {name}={value!r} is not valid: expected {expected}. "
        f"Fix the value or unset {name} to use the default."
    )


def env_str(name: str, default: str, help: str = "", *, shown: str | None = None) -> str:
    raw = _read(name, default, help, shown)
    return default if raw is None else raw


def env_optional_str(name: str, help: str = "") -> str | None:
    raw = _read(name, None, help)
    return raw or None


def env_bool(name: str, default: bool, help: str = "", *, shown: str | None = None) -> bool:
    raw = _read(name, default, help, shown)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise _fail(name, raw, "one of 1/0, true/false, yes/no, on/off")


def env_int(
    name: str,
    default: int,
    help: str = "",
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    shown: str | None = None,
) -> int:
    raw = _read(name, default, help, shown)
    if raw is None:
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise _fail(name, raw, "a whole number") from None
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise _fail(name, raw, f"a whole number from {minimum} to {maximum}")
    return value


def env_list(name: str, default: list[str], help: str = "") -> list[str]:
    raw = _read(name, ",".join(default), help)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_path(name: str, default: Path, help: str = "", *, shown: str | None = None) -> Path:
    raw = _read(name, str(default), help, shown)
    return (Path(raw) if raw else default).expanduser().resolve()


def env_choice(
    name: str, default: str, choices: tuple[str, ...], help: str = "", *, shown: str | None = None
) -> str:
    raw = _read(name, default, help, shown)
    if raw is None:
        return default
    if raw not in choices:
        raise _fail(name, raw, "one of " + ", ".join(choices))
    return raw


def env_parsed[T](
    name: str, default: T, parse: Callable[[str], T], expected: str, help: str = ""
) -> T:
    raw = _read(name, default, help)
    if raw is None:
        return default
    try:
        return parse(raw)
    except (ValueError, TypeError):
        raise _fail(name, raw, expected) from None
