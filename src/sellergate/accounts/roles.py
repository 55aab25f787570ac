"""The two faces' gates: who may enter the seller center and who the operator desk.

Every view of the seller center is wrapped in ``seller_required`` and every view of the
operator desk in ``operator_required``; a user of the other role is sent to the log-in
page of the face they asked for, as an anonymous visitor would be, and comes back
after logging in to a page that answers GET (``core.return_path``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.urls import reverse

from sellergate.core.return_path import return_path


def _gate(
    test: Callable[[Any], bool], login_url_name: str
) -> Callable[[Callable[..., HttpResponseBase]], Callable[..., HttpResponseBase]]:
    def decorator(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not test(request.user):
                return redirect_to_login(return_path(request), reverse(login_url_name))
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def is_seller_user(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_seller_user)


def is_operator(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_operator)


seller_required = _gate(is_seller_user, "portal:login")
operator_required = _gate(is_operator, "desk:login")
