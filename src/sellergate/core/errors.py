"""The root of every refusal, and the shapes the domains share.

``Refusal`` is what a domain raises when it will not do what was asked: a message for
the person acting (formatted when shown, in the language active then), a stable
``code`` an interface can map to its own answer (an API result code, a page's message,
an exit status), and optionally the ``field`` it is about. Every domain's refusals sit
under it (``AccessError``, ``CredentialError``, ``KeyRejected``, ``FieldError`` and the
catalog's, the bulk reader's ``TranslatableError`` family, ``CalendarError``, the
standing import's ``ImportError_``), so an interface that has nothing more specific to
say catches ``Refusal`` once. Errors that are not refusals (a bug, a lost database)
are not under it and reach the interface's error handler.

Two refusals stay outside it on purpose: Django's ``ValidationError`` where a service
validates a form's fields (the request submission: forms show it by field), and the
FTP quota's ``QuotaExceeded``, which must be an ``OSError`` for pyftpdlib to answer it.

``FieldError``'s ``field`` is the domain's own field name: each interface (an API parameter, a bulk
template column, a form field) translates it to the name its user typed. ``code`` says
what kind of refusal it is, so interfaces can map it to their own result codes:
"required", "invalid" (a bad value), "not_found" (no such record for this seller),
"duplicate" (already taken), "state" (not possible in the record's current state).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

CODES = ("required", "invalid", "not_found", "duplicate", "state")


class Refusal(Exception):
    """A domain's "no": ``message`` for the person acting, a stable ``code``, a ``field``."""

    #: The code of a refusal of this class, unless one is given.
    default_code = "refused"

    def __init__(
        self, message: Any = "", *, code: str | None = None, field: str | None = None
    ) -> None:
        super().__init__(str(message))
        self.message = message
        self.code = code or self.default_code
        self.field = field

    def text(self) -> str:
        """The message, formatted now (a lazy message in the active language)."""
        return str(self.message)

    def __str__(self) -> str:
        return self.text()


class FieldError(Refusal):
    def __init__(self, field: str, message: Any, *, code: str = "invalid") -> None:
        assert code in CODES, code
        super().__init__(message, code=code, field=field)
        self.field: str = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class Message:
    """A refusal's text, translated when it is shown rather than when it is raised, so
    one refusal can be written in Japanese and in English (a bulk job's result file).

    Modules that raise ``FieldError`` import it as ``_``: ``_("No item %(code)s.") %
    {"code": c}`` stays lazy, and makemessages still finds the text.
    """

    def __init__(self, text: Any, params: Any = None) -> None:
        self.text = text
        self.params = params

    def __mod__(self, params: Any) -> Message:
        return Message(self.text, params)

    def __str__(self) -> str:
        text = gettext(self.text) if isinstance(self.text, str) else str(self.text)
        return text % self.params if self.params is not None else text

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"Message({self.text!r})"


class TranslatableError(Refusal):
    """A refusal whose lazy message is formatted when shown (``text()``), in the language
    active then: a bulk job writes each one in Japanese and in English."""

    default_code = "invalid"

    def __init__(self, message: Any, **params: Any) -> None:
        super().__init__(message)
        self.params = params

    def text(self) -> str:
        return str(self.message) % self.params if self.params else str(self.message)


def refusal_messages(error: Refusal | ValidationError) -> list[str]:
    """What a page shows for a refusal: its message, or each of a validation's messages."""
    if isinstance(error, ValidationError):
        return [str(message) for message in error.messages]
    return [error.text()]
