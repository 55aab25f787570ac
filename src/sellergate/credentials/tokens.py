"""The shape of sellergate's secrets, and how they are hashed.

An API key looks like ``sgk_`` + 12 characters of public id + 32 of secret + 6 of
checksum, all base62 (``[0-9A-Za-z]``)::

    sgk_4fQ9zT1mKp0aW8x…………………………………3kZt0Q

- the prefix says what it is, to people and to secret scanners (GitHub's design);
- the public id is indexed and looked up; the secret (32 * log2(62) ≈ 190 bits from
  ``secrets``) is never stored, only HMAC-SHA256(pepper, secret) (NetBox's design);
- the checksum is CRC32 of everything before it, so a mistyped or truncated key is
  refused before any database or cache lookup;
- ``_`` is a word character, so a double-click selects the whole key.

Regex for secret scanners: ``\\bsgk_[0-9A-Za-z]{50}\\b`` (seller authorization keys:
``\\bsgs_[0-9A-Za-z]{50}\\b``).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string
import zlib
from dataclasses import dataclass

from django.conf import settings

ALPHABET = string.digits + string.ascii_uppercase + string.ascii_lowercase
PUBLIC_LENGTH = 12
SECRET_LENGTH = 32
CHECKSUM_LENGTH = 6
BODY_LENGTH = PUBLIC_LENGTH + SECRET_LENGTH + CHECKSUM_LENGTH

API_KEY_PREFIX = "sgk_"
SAK_PREFIX = "sgs_"
FEED_PREFIX = "sgf_"  # the operator's order feed (credentials.feed_tokens)


class MalformedToken(ValueError):
    """Not a token of ours at all (wrong prefix, length or characters)."""


class BadChecksum(ValueError):
    """Shaped like a token but mistyped or truncated: its checksum does not match."""


@dataclass(frozen=True)
class ParsedToken:
    prefix: str
    public_id: str
    secret: str


def _base62(number: int, length: int) -> str:
    chars = []
    for _ in range(length):
        number, digit = divmod(number, 62)
        chars.append(ALPHABET[digit])
    return "".join(reversed(chars))


def _checksum(text: str) -> str:
    return _base62(zlib.crc32(text.encode()), CHECKSUM_LENGTH)


def _random(length: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def generate(prefix: str) -> tuple[str, ParsedToken]:
    """A new token and its parts. The caller shows the token once and keeps the hash."""
    parsed = ParsedToken(
        prefix=prefix, public_id=_random(PUBLIC_LENGTH), secret=_random(SECRET_LENGTH)
    )
    head = prefix + parsed.public_id + parsed.secret
    return head + _checksum(head), parsed


_ALLOWED = frozenset(ALPHABET)


def parse(token: str, prefix: str) -> ParsedToken:
    """Split a presented token; raises before touching any store when it cannot be ours."""
    if not token.startswith(prefix) or len(token) != len(prefix) + BODY_LENGTH:
        raise MalformedToken(token[:8])
    body = token[len(prefix) :]
    if not _ALLOWED.issuperset(body):
        raise MalformedToken(token[:8])
    head, checksum = token[:-CHECKSUM_LENGTH], token[-CHECKSUM_LENGTH:]
    if not hmac.compare_digest(_checksum(head), checksum):
        raise BadChecksum(token[:8])
    return ParsedToken(
        prefix=prefix,
        public_id=body[:PUBLIC_LENGTH],
        secret=body[PUBLIC_LENGTH : PUBLIC_LENGTH + SECRET_LENGTH],
    )


def hash_secret(secret: str, pepper_id: str | None = None) -> tuple[str, str]:
    """(pepper id, hex HMAC-SHA256 of the secret under that pepper)."""
    pepper_id = pepper_id or settings.KEY_PEPPER_ID
    digest = hmac.new(settings.KEY_PEPPERS[pepper_id], secret.encode(), hashlib.sha256).hexdigest()
    return pepper_id, digest


def secret_matches(secret: str, pepper_id: str, stored_digest: str) -> bool:
    if pepper_id not in settings.KEY_PEPPERS:
        return False
    return hmac.compare_digest(hash_secret(secret, pepper_id)[1], stored_digest)
