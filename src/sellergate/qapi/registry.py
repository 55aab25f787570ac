"""Every method of the marketplace API, registered once: its name, parameters, versions,
which key it takes and the handler that serves it. The view routes through this, the
reference page and the OpenAPI document are generated from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

from sellergate.core.actors import Actor
from sellergate.qapi.params import Param
from sellergate.sellers.models import Seller


@dataclass(frozen=True)
class Call:
    """What a handler gets: who calls, for which seller, with which parameters."""

    seller: Seller | None  # None only for CreateCertificationKey (the key is being made)
    actor: Actor
    params: dict[str, Any]
    key: str
    source_address: str | None
    method: Method


@dataclass(frozen=True)
class Method:
    name: str  # Service.Method as documented
    params: tuple[Param, ...]
    handler: Callable[[Call], Any]
    summary: Promise | str
    versions: tuple[str, ...] = ("1.0",)
    key: str = "sak"  # "sak": seller authorization key; "api_key": the issued API key
    writes: bool = False
    success_message: str = "SUCCESS"

    @property
    def service(self) -> str:
        return self.name.split(".", 1)[0]

    @property
    def field_params(self) -> dict[str, str]:
        """Domain field → the parameter that fills it, to name parameters in errors."""
        return {p.field: p.name for p in self.params if p.field}


METHODS: dict[str, Method] = {}
SERVICES: dict[str, str] = {}


def method(
    name: str,
    *,
    params: tuple[Param, ...] = (),
    summary: Promise | str,
    versions: tuple[str, ...] = ("1.0",),
    key: str = "sak",
    writes: bool = False,
    success_message: str = "SUCCESS",
) -> Callable[[Callable[[Call], Any]], Callable[[Call], Any]]:
    def register(handler: Callable[[Call], Any]) -> Callable[[Call], Any]:
        lowered = name.lower()
        assert lowered not in METHODS, f"{name} registered twice"
        METHODS[lowered] = Method(
            name=name,
            params=params,
            handler=handler,
            summary=summary,
            versions=versions,
            key=key,
            writes=writes,
            success_message=success_message,
        )
        SERVICES[lowered.split(".", 1)[0]] = name.split(".", 1)[0]
        return handler

    return register


def accepts_version(entry: Method, version: str) -> bool:
    """Every method answers 1.0 (many clients send it for everything) and its own
    versions; an absent version means the newest."""
    return not version or version == "1.0" or version in entry.versions
