"""Why a presented credential is refused. Each reason has a stable code.

KeyRejected(reason)
  malformed        not shaped like one of our keys
  bad_checksum     mistyped or truncated (refused before any lookup)
  unknown          no such key, or a wrong secret: the two look the same
  revoked          revoked, or rotated out and past its grace period
  expired          past its expiry date
  seller_suspended the seller's credentials are suspended
  network          used from an address outside the key's allowed networks
  password_changed (seller authorization keys) the user's password changed since
"""

from __future__ import annotations

from sellergate.core.errors import Refusal

REASONS = (
    "malformed",
    "bad_checksum",
    "unknown",
    "revoked",
    "expired",
    "seller_suspended",
    "network",
    "password_changed",
)


class KeyRejected(Refusal):
    """A presented key refused; ``reason`` (also its ``code``) is one of ``REASONS``, which
    each interface words for its user (the API's code table, the FTP server's reply)."""

    def __init__(self, reason: str) -> None:
        assert reason in REASONS, reason
        super().__init__(reason, code=reason)
        self.reason = reason


class CredentialError(Refusal):
    """A credential service refused an action; ``message`` is for the person acting."""

    default_code = "credential"

    def __init__(self, message: str, *, failed_login: bool = False) -> None:
        super().__init__(message, code="failed_login" if failed_login else None)
        # A wrong user ID or password (for the log-in throttle), not any other refusal.
        self.failed_login = failed_login
