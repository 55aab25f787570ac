"""The one shape of a refusal about a field, shared by the domain services.

``field`` is the domain's own field name: each interface (an API parameter, a bulk
template column, a form field) translates it to the name its user typed. ``code`` says
what kind of refusal it is, so interfaces can map it to their own result codes:
"required", "invalid" (a bad value), "not_found" (no such record for this seller),
"duplicate" (already taken), "state" (not possible in the record's current state).
"""

from __future__ import annotations

CODES = ("required", "invalid", "not_found", "duplicate", "state")


class FieldError(Exception):
    def __init__(self, field: str, message: str, *, code: str = "invalid") -> None:
        assert code in CODES, code
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.code = code
