"""FTP log-ins verified a moment ago are not hashed again (as SFTPGo's password_caching).

Clients such as ``lftp mirror`` open many sessions with the same user and password at
once; each check of a stored password costs the KDF (scrypt, ~39 ms of one core), so
200 such log-ins took p99 3.8 s on 2 cores. Each FTP process remembers, for
SELLERGATE_FTP_PASSWORD_CACHE_SECONDS, that a password was right for an account — as an
HMAC under the server's pepper of the account's *current password hash* and the
password, never the password itself. Any change of the password changes that hash, so
an entry can never let an old password in; the account's status and its seller's
suspension are read from the database at every log-in all the same. A wrong password
is never remembered: every guess still pays the KDF. 0 turns the cache off.

Such bursts arrive all at once, before anything is remembered, so log-ins with the same
user *and* password wait for the first of them to finish its check (``single_flight``)
instead of all running the KDF; other passwords (a guess, say) never wait on it.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator

from django.conf import settings

#: The most accounts remembered per process (the oldest are dropped first).
MAX_ENTRIES = 10_000

_lock = threading.Lock()
_verified: OrderedDict[str, tuple[bytes, float]] = OrderedDict()
_in_flight: dict[bytes, threading.Event] = {}
#: How long a log-in waits for an identical one's check before checking for itself.
FLIGHT_WAIT_SECONDS = 10


def _digest(password_hash: str, password: str) -> bytes:
    pepper = settings.KEY_PEPPERS[settings.KEY_PEPPER_ID]
    message = b"ftp-login\0" + password_hash.encode() + b"\0" + password.encode("utf-8", "replace")
    return hmac.new(pepper, message, hashlib.sha256).digest()


def recently_verified(username: str, password_hash: str, password: str) -> bool:
    if settings.FTP_PASSWORD_CACHE_SECONDS <= 0:
        return False
    with _lock:
        entry = _verified.get(username)
    if entry is None or entry[1] < time.monotonic():
        return False
    return hmac.compare_digest(entry[0], _digest(password_hash, password))


def remember(username: str, password_hash: str, password: str) -> None:
    if settings.FTP_PASSWORD_CACHE_SECONDS <= 0:
        return
    entry = (
        _digest(password_hash, password),
        time.monotonic() + settings.FTP_PASSWORD_CACHE_SECONDS,
    )
    with _lock:
        _verified[username] = entry
        _verified.move_to_end(username)
        while len(_verified) > MAX_ENTRIES:
            _verified.popitem(last=False)


@contextlib.contextmanager
def single_flight(username: str, password: str) -> Iterator[None]:
    """The first of identical concurrent log-ins goes in at once; the others when it is
    done (and then find its result remembered, or check for themselves)."""
    pepper = settings.KEY_PEPPERS[settings.KEY_PEPPER_ID]
    key = hmac.new(
        pepper, b"flight\0" + f"{username}\0{password}".encode("utf-8", "replace"), hashlib.sha256
    ).digest()
    with _lock:
        running = _in_flight.get(key)
        if running is None:
            mine = _in_flight[key] = threading.Event()
    if running is not None:
        running.wait(FLIGHT_WAIT_SECONDS)
        yield
        return
    try:
        yield
    finally:
        with _lock:
            _in_flight.pop(key, None)
        mine.set()


def forget_all() -> None:
    with _lock:
        _verified.clear()
