"""The FTP log-in's check: which account a user name is, whether the password is its
own, and whether the account and its seller may log in (and, at each command of a
session, still may).

It is split in two for the FTP server: ``ftp_login_account`` reads the database (on the
server's database threads, ftpd/database.py) and ``ftp_password_accepted`` runs the KDF
without it (in the session's own thread). ``ftp_authenticate`` is both, for everyone
else. The two reads are plain SQL (core/hot_reads.py): at 300 log-ins at once the ORM's
query building was most of a log-in's cost — 1.0 ms for the account with its seller
and 0.5 ms for the per-command check, against 0.06 ms for either query as SQL.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from sellergate.core import hot_reads
from sellergate.credentials import ftp_logins
from sellergate.credentials.errors import KeyRejected
from sellergate.credentials.hashers import check_ftp_password, hash_ftp_password
from sellergate.credentials.models import FtpAccount, FtpStatus
from sellergate.sellers.models import Seller


@dataclass(frozen=True)
class FtpLogin:
    """What a log-in needs to know of an FTP account, as it was read."""

    pk: int
    username: str
    password_hash: str
    status: str
    home: str
    quota_bytes: int | None
    quota_files: int | None
    seller_id: int
    seller_suspended: bool


# The statements are made once per process (one database backend each): at every log-in
# and command, quoting the names again was a few per cent of the log-in's time.
@functools.cache
def _account_sql() -> str:
    a, s = FtpAccount, Seller
    fields = ("id", "username", "password_hash", "status", "home", "quota_bytes", "quota_files")
    columns = ", ".join(f"a.{hot_reads.column(a, f)}" for f in fields)
    return (
        f"SELECT {columns}, a.{hot_reads.column(a, 'seller')}, "  # noqa: S608 (the models' names)
        f"s.{hot_reads.column(s, 'suspended_at')} IS NOT NULL "
        f"FROM {hot_reads.table(a)} a JOIN {hot_reads.table(s)} s "
        f"ON s.{hot_reads.column(s, 'id')} = a.{hot_reads.column(a, 'seller')} "
        f"WHERE a.{hot_reads.column(a, 'username')} = %s"
    )


def ftp_login_account(username: str) -> FtpLogin | None:
    """The account a log-in names: the database half of ``ftp_authenticate``."""
    row = hot_reads.fetch_one(_account_sql(), [username])
    if row is None:
        return None
    pk, name, password_hash, status, home, quota_bytes, quota_files, seller_id, suspended = row
    return FtpLogin(
        pk=pk,
        username=name,
        password_hash=password_hash,
        status=status,
        home=home,
        quota_bytes=quota_bytes,
        quota_files=quota_files,
        seller_id=seller_id,
        seller_suspended=bool(suspended),
    )


def ftp_password_accepted(account: FtpLogin | None, username: str, password: str) -> FtpLogin:
    """The other half, no database: the password against ``account`` (the KDF, or what
    was remembered of it, ``ftp_logins``), then the account's and its seller's standing.
    Raises ``KeyRejected`` ("unknown" for a wrong user or password alike, "revoked" for a
    suspended or closed account, "seller_suspended")."""
    if account is None or not account.password_hash:
        hash_ftp_password(password)  # the same work as a real check, so timing tells nothing
        raise KeyRejected("unknown")
    if not ftp_logins.recently_verified(username, account.password_hash, password):
        with ftp_logins.single_flight(username, password):
            # Those who waited for an identical log-in find its result remembered.
            if not ftp_logins.recently_verified(username, account.password_hash, password):
                if not check_ftp_password(password, account.password_hash):
                    raise KeyRejected("unknown")
                ftp_logins.remember(username, account.password_hash, password)
    if account.status != FtpStatus.ACTIVE:
        raise KeyRejected("revoked")
    if account.seller_suspended:
        raise KeyRejected("seller_suspended")
    return account


def ftp_authenticate(username: str, password: str) -> FtpLogin:
    """The FTP log-in check, both halves."""
    return ftp_password_accepted(ftp_login_account(username), username, password)


def ftp_account_usable(username: str) -> bool:
    """Whether a logged-in FTP session may go on: ``ftp_authenticate``'s rule (an ACTIVE
    account of a seller not suspended), asked again at each command."""
    return hot_reads.fetch_one(_usable_sql(), [username, FtpStatus.ACTIVE.value]) is not None


@functools.cache
def _usable_sql() -> str:
    a, s = FtpAccount, Seller
    return (
        f"SELECT 1 FROM {hot_reads.table(a)} a JOIN {hot_reads.table(s)} s "  # noqa: S608 (the models' names)
        f"ON s.{hot_reads.column(s, 'id')} = a.{hot_reads.column(a, 'seller')} "
        f"WHERE a.{hot_reads.column(a, 'username')} = %s "
        f"AND a.{hot_reads.column(a, 'status')} = %s "
        f"AND s.{hot_reads.column(s, 'suspended_at')} IS NULL"
    )
