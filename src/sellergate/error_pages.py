"""The error pages, in the site's layout and the person's language (Japanese first):
404, 403, 405, 500 and the CSRF failure, each saying what happened and what to do.

Django's own pages are bare (its CSRF page ends with advice to turn DEBUG on), and a
view that takes only POST answers a GET with an empty 405. The seller center and the
desk each keep their own layout (``desk/`` pages the desk's); the 500 page is rendered
without the request's context, as the error may be in what builds it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _


def _texts(status: int) -> tuple[str, str]:
    return {
        403: (
            _("You may not open this page"),
            _(
                "Your account has no permission for it. If you need it, ask the desk (or your "
                "administrator); if you are logged in as someone else, log out first."
            ),
        ),
        404: (
            _("This page does not exist"),
            _(
                "The address may be mistyped, or what it showed was removed. Start again from "
                "the home page."
            ),
        ),
        405: (
            _("This page cannot be opened directly"),
            _(
                "It is the answer to a button, and opening its address (a bookmark, a reload "
                "or the back button) cannot show it again. Go back to the page with the button."
            ),
        ),
    }[status]


def _page(request: HttpRequest, status: int, title: str, text: str) -> HttpResponse:
    desk = request.path.startswith("/desk/")
    return render(
        request,
        "errors/error.html",
        {
            "base": "desk/base.html" if desk else "portal/base.html",
            "title": title,
            "text": text,
            "status": status,
            "home": "/desk/" if desk else "/seller/",
        },
        status=status,
    )


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 404, *_texts(404))


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 403, *_texts(403))


def server_error(request: HttpRequest) -> HttpResponse:
    return HttpResponse(loader.get_template("errors/500.html").render(), status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _page(
        request,
        403,
        _("The form could not be sent"),
        _(
            "The page was open too long, or it was sent from another tab after you logged in "
            "or out, or your browser blocks cookies for this site. Go back, reload the page, "
            "and send the form again; nothing was changed."
        ),
    )


class NotAllowedPageMiddleware:
    """An empty 405 of the seller center or the desk becomes the page that says why."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code == 405
            and not response.content
            and request.path.startswith(("/seller/", "/desk/"))
            and not request.path.startswith("/desk/admin/")
        ):
            page = _page(request, 405, *_texts(405))
            if "Allow" in response.headers:
                page.headers["Allow"] = response.headers["Allow"]
            return page
        return response
