"""Every code the marketplace API answers with: one table, kept stable.

Two envelopes, as the marketplace has them. Calls that reached a method answer
``{"ResultCode": n, "ResultMsg": …, "ResultObject": …}``: 0 is success, negative codes
are business refusals whose message names the parameter. Calls refused before any
method ran — no or a bad key, an unknown service or method, a rate limit — answer
``{"ErrorCode": n, "ErrorMsg": …}``. The HTTP status is 200 either way.

Changing a number breaks every client that checks it: add codes, never renumber.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import IntEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sellergate.core.errors import Refusal


class Result(IntEnum):
    SUCCESS = 0
    REQUIRED = -1
    INVALID = -2
    NOT_FOUND = -3
    DUPLICATE = -4
    STATE = -5
    LOGIN_FAILED = -6


class Error(IntEnum):
    INVALID_KEY = -90001
    KEY_REVOKED = -90002
    KEY_EXPIRED = -90003
    SELLER_SUSPENDED = -90004
    ADDRESS_NOT_ALLOWED = -90005
    SAK_PASSWORD_CHANGED = -90006
    SAK_REQUIRED = -90007
    KEY_MISSING = -90008
    UNKNOWN_SERVICE = -90010
    UNKNOWN_METHOD = -90011
    UNSUPPORTED_VERSION = -90012
    RATE_LIMITED = -90020
    BAD_BODY = -90030
    BAD_HTTP_METHOD = -90031
    INTERNAL = -90099


@dataclass(frozen=True)
class CodeDoc:
    code: int
    envelope: str  # "ResultCode" or "ErrorCode"
    name: str
    meaning: Promise


TABLE: tuple[CodeDoc, ...] = (
    CodeDoc(
        0,
        "ResultCode",
        "SUCCESS",
        _("Success."),
    ),
    CodeDoc(
        -1, "ResultCode", "REQUIRED", _("A required parameter is missing; the message names it.")
    ),
    CodeDoc(
        -2,
        "ResultCode",
        "INVALID",
        _(
            "A parameter's value is not valid; the message "
            "names the parameter and says what is allowed."
        ),
    ),
    CodeDoc(
        -3,
        "ResultCode",
        "NOT_FOUND",
        _(
            "No such item, order, question or claim among yours "
            "(another seller's records are never found)."
        ),
    ),
    CodeDoc(
        -4,
        "ResultCode",
        "DUPLICATE",
        _("The value is already used, e.g. a seller item code of another of your items."),
    ),
    CodeDoc(
        -5,
        "ResultCode",
        "STATE",
        _("Not possible in the record's current state, e.g. shipping a cancelled order."),
    ),
    CodeDoc(
        -6,
        "ResultCode",
        "LOGIN_FAILED",
        _("CreateCertificationKey: the user ID or the password is wrong (which one is not said)."),
    ),
    CodeDoc(
        -90001,
        "ErrorCode",
        "INVALID_KEY",
        _("The key is not a valid API key or seller authorization key."),
    ),
    CodeDoc(
        -90002,
        "ErrorCode",
        "KEY_REVOKED",
        _("The key was revoked (or rotated out and past its grace period)."),
    ),
    CodeDoc(
        -90003,
        "ErrorCode",
        "KEY_EXPIRED",
        _("The key has expired: issue a new API key or seller authorization key."),
    ),
    CodeDoc(
        -90004,
        "ErrorCode",
        "SELLER_SUSPENDED",
        _("The seller's API access is suspended; see the seller center."),
    ),
    CodeDoc(
        -90005,
        "ErrorCode",
        "ADDRESS_NOT_ALLOWED",
        _("The call came from an address outside the key's allowed networks."),
    ),
    CodeDoc(
        -90006,
        "ErrorCode",
        "SAK_PASSWORD_CHANGED",
        _(
            "The user's password changed since the seller "
            "authorization key was issued: issue a new one."
        ),
    ),
    CodeDoc(
        -90007,
        "ErrorCode",
        "SAK_REQUIRED",
        _(
            "This method needs a seller authorization key "
            "(CertificationAPI.CreateCertificationKey), not the API key."
        ),
    ),
    CodeDoc(
        -90008,
        "ErrorCode",
        "KEY_MISSING",
        _("No key: send it in the GiosisCertificationKey header or the key parameter."),
    ),
    CodeDoc(
        -90010, "ErrorCode", "UNKNOWN_SERVICE", _("No such service (the part before the dot).")
    ),
    CodeDoc(
        -90011,
        "ErrorCode",
        "UNKNOWN_METHOD",
        _("No such method in that service."),
    ),
    CodeDoc(
        -90012, "ErrorCode", "UNSUPPORTED_VERSION", _("The method does not have that version.")
    ),
    CodeDoc(
        -90020,
        "ErrorCode",
        "RATE_LIMITED",
        _("Too many calls with this key: wait a moment and call again."),
    ),
    CodeDoc(
        -90030,
        "ErrorCode",
        "BAD_BODY",
        _(
            "The request body was refused before it was read: multipart (the API takes "
            "form-encoded fields), larger than the limit, or too many fields."
        ),
    ),
    CodeDoc(
        -90031,
        "ErrorCode",
        "BAD_HTTP_METHOD",
        _("The API is called with GET or POST; other HTTP methods carry no parameters."),
    ),
    CodeDoc(
        -90099, "ErrorCode", "INTERNAL", _("An error on our side; it was logged. Call again later.")
    ),
)

#: KeyRejected reasons (sellergate.credentials.errors) → the code they answer.
KEY_REJECTIONS = {
    "malformed": Error.INVALID_KEY,
    "bad_checksum": Error.INVALID_KEY,
    "unknown": Error.INVALID_KEY,
    "revoked": Error.KEY_REVOKED,
    "expired": Error.KEY_EXPIRED,
    "seller_suspended": Error.SELLER_SUSPENDED,
    "network": Error.ADDRESS_NOT_ALLOWED,
    "password_changed": Error.SAK_PASSWORD_CHANGED,
}

#: FieldError codes (sellergate.core.errors) → the result code they answer.
FIELD_ERRORS = {
    "required": Result.REQUIRED,
    "invalid": Result.INVALID,
    "not_found": Result.NOT_FOUND,
    "duplicate": Result.DUPLICATE,
    "state": Result.STATE,
}


def refusal_result(refusal: Refusal, names: Mapping[str, str]) -> tuple[int, str]:
    """The API's one reading of a domain's refusal: the result code and message a method
    answers with. A refusal about a field names the parameter the caller wrote
    (``names``: domain field → parameter); a refusal of another kind is a state the call
    cannot change (STATE)."""
    code = FIELD_ERRORS.get(refusal.code, Result.STATE)
    if refusal.field is None:
        return int(code), refusal.text()
    return int(code), f"{names.get(refusal.field, refusal.field)}: {refusal.text()}"


class ApiError(Exception):
    """A refusal answered with a result code and a message for the caller (a handler's,
    or a parameter's: ``params.ParamError``)."""

    def __init__(
        self, code: int, message: str, *, after_rollback: Callable[[], None] | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        # What must be written although the call's writes are rolled back (a failed
        # log-in's score: views._run).
        self.after_rollback = after_rollback
