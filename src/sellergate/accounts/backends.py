"""Django's model backend behind the log-in throttle (accounts/throttle.py)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from sellergate.accounts.throttle import login_failed, login_locked_until


class ThrottledModelBackend(ModelBackend):
    """A locked user ID or address is refused before the password is hashed (Django's
    ``authenticate`` answers None on PermissionDenied); a failure is scored."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        source_address: str | None = None,
        **kwargs: Any,
    ) -> Any:
        address = source_address or (request.META.get("REMOTE_ADDR") if request else None)
        until = login_locked_until(username, address)
        if until is not None:
            if request is not None:
                request.login_locked_until = until  # type: ignore[attr-defined]
            raise PermissionDenied
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None and username and password is not None:
            login_failed(username, address)
        return user
