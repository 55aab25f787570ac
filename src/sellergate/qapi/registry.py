"""Every method of the marketplace API, registered once: its name, parameters, versions,
which key it takes and the handler that serves it. The view routes through this, the
reference page and the OpenAPI document are generated from it.
"""

from __future__ import annotations

import re
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
    # Where sellergate chose, the guide being silent or contradicting itself (shown on
    # the reference page).
    notes: Promise | str = ""
    # Answered as XML whatever returnType asks for (the guide's settlement reports
    # return an XML document).
    xml_only: bool = False

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
    notes: Promise | str = "",
    xml_only: bool = False,
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
            notes=notes,
            xml_only=xml_only,
        )
        SERVICES[lowered.split(".", 1)[0]] = name.split(".", 1)[0]
        return handler

    return register


#: What a QAPI version looks like: 1.0, 1.1, 1.2 … (the _v2/_v3 of some method names are
#: part of the name, not a version).
VERSION = re.compile(r"1(?:\.\d{1,3})?")


def accepts_version(entry: Method, version: str) -> bool:
    """Any 1.x, and no version at all, on every method.

    The guide gives each method one version (most 1.0; some 1.1, one 1.2), but real
    clients send 1.0 to methods listed as 1.1 and 1.1 to methods listed as 1.0, and
    refusing them breaks those clients for nothing: each method has one behaviour here,
    the documented one, whatever 1.x is asked for. Only what is not a QAPI version at
    all (``9.9``, ``abc``) is refused. ``entry.versions`` is what the guide lists, shown
    on the reference page."""
    return not version.strip() or VERSION.fullmatch(version.strip()) is not None
