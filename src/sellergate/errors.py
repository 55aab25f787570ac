"""The one shape of a refusal about a field, shared by the domain services.

``field`` is the domain's own field name: each interface (an API parameter, a bulk
template column, a form field) translates it to the name its user typed. ``code`` says
what kind of refusal it is, so interfaces can map it to their own result codes:
"required", "invalid" (a bad value), "not_found" (no such record for this seller),
"duplicate" (already taken), "state" (not possible in the record's current state).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext

CODES = ("required", "invalid", "not_found", "duplicate", "state")


class FieldError(Exception):
    def __init__(self, field: str, message: Any, *, code: str = "invalid") -> None:
        assert code in CODES, code
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.code = code


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


class TranslatableError(Exception):
    """A refusal whose lazy message is formatted when shown (``text()``), in the language
    active then: a bulk job writes each one in Japanese and in English."""

    def __init__(self, message: Any, **params: Any) -> None:
        super().__init__(str(message))
        self.message = message
        self.params = params

    def text(self) -> str:
        return str(self.message) % self.params if self.params else str(self.message)

    def __str__(self) -> str:
        return self.text()
