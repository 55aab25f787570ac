"""Who is acting: every service function takes an ``Actor`` so its audit event says so."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.http import HttpRequest

    from sellergate.accounts.models import User


@dataclass(frozen=True)
class Actor:
    user: User | None
    label: str
    source_address: str | None = None

    @classmethod
    def from_request(cls, request: HttpRequest) -> Actor:
        user = request.user if request.user.is_authenticated else None
        label = user.get_username() if user is not None else "anonymous"
        # REMOTE_ADDR is the peer; behind a reverse proxy the deploy docs set the proxy
        # to pass the client address there (never trust X-Forwarded-For by default).
        return cls(user=user, label=label, source_address=request.META.get("REMOTE_ADDR"))

    @classmethod
    def system(cls, label: str) -> Actor:
        """A process acting on its own behalf: "cli", "demo", "worker", "policy"."""
        return cls(user=None, label=label)
