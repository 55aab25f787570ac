"""Language choice and message catalogs.

Japanese is the UI's first language. Django's LocaleMiddleware would follow the
browser's Accept-Language header, which would show English to every operator or seller
whose computer happens to run in English; sellergate instead uses the language the
person chose (the language cookie, set by the switcher in the page header) and
Japanese otherwise.

Catalogs: the ``.po`` files are committed; the ``.mo`` files are compiled from them at
setup (``sellergate serve``/``demo``, and the test session) with Babel, so a machine with
only Python needs no GNU gettext tools.
"""

from __future__ import annotations

import gettext as gettext_module
from collections.abc import Callable
from pathlib import Path

from asgiref.local import Local
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import trans_real

LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def language_for(request: HttpRequest) -> str:
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    supported = {code for code, _name in settings.LANGUAGES}
    return chosen if chosen in supported else settings.LANGUAGE_CODE


class JapaneseFirstLocaleMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = language_for(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response


def compile_catalogs(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Compile every ``.po`` under ``locale_dir`` whose ``.mo`` is missing or older.

    Returns the ``.mo`` files written. Fuzzy entries are left out, as msgfmt does.
    """
    written = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file)
        tmp_path = mo_path.with_suffix(".mo.tmp")
        with tmp_path.open("wb") as mo_file:
            write_mo(mo_file, catalog, use_fuzzy=False)
        tmp_path.replace(mo_path)
        written.append(mo_path)
    if written:
        # This process may have read the catalogs before they were compiled (Django
        # loads them on first use): drop what it holds so the new ones are read.
        # Python's gettext caches each .mo it parsed by path, and Django's per-thread
        # active translation holds one too: clear all three.
        # (Private names of both modules: the stubs do not know them.)
        gettext_module._translations.clear()  # type: ignore[attr-defined]
        trans_real._translations = {}  # type: ignore[attr-defined]
        trans_real._default = None  # type: ignore[attr-defined]
        trans_real._active = Local()  # type: ignore[attr-defined]
    return written
