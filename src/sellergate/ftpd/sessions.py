"""The FTP session: log-in, the defender, suspension at every command, accounting.

pyftpdlib's hooks, filled in: a banned address is told so at connect, a failed log-in
counts (scored by the authorizer, ``defender``), a user has at most
``max_sessions_per_user`` sessions, each command of a logged-in session asks again
whether the account may go on (a suspension stops open sessions), and each session
ends with one log line of what it moved.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
import weakref
from dataclasses import dataclass

from django.db import connections
from django.utils import timezone
from pyftpdlib.handlers import FTPHandler

from sellergate.audit.models import AuditEvent
from sellergate.audit.services import audit_record
from sellergate.core.actors import Actor
from sellergate.core.metrics import FTP_BYTES, FTP_LOGINS, FTP_SESSIONS
from sellergate.credentials.ftp_authentication import FtpLogin, ftp_account_usable
from sellergate.credentials.models import FtpAccount
from sellergate.ftpd import database
from sellergate.ftpd.defender import ban_refusal, defender_banned_until
from sellergate.ftpd.quotas import limits

log = logging.getLogger(__name__)

#: The sessions of this process: read by the shutdown and the per-user limit.
LIVE_SESSIONS: weakref.WeakSet[SessionMixin] = weakref.WeakSet()
_live_lock = threading.Lock()
LOGIN_AUDIT_EVERY = dt.timedelta(hours=1)
#: (account, address) -> when this process last made sure the hour's log-in was audited.
_login_audited: dict[tuple[int, str], float] = {}


def _login_audit_due(account_pk: int, address: str) -> bool:
    """Whether to ask the audit log about this log-in: not again within the hour this
    process already asked (a burst of 300 log-ins asked 300 times for the same answer)."""
    now = time.monotonic()
    every = LOGIN_AUDIT_EVERY.total_seconds()
    with _live_lock:
        if now - _login_audited.get((account_pk, address), -every) < every:
            return False
        if len(_login_audited) > 10_000:  # forget what is past the hour anyway
            for key, at in list(_login_audited.items()):
                if now - at >= every:
                    del _login_audited[key]
        _login_audited[(account_pk, address)] = now
        return True


@dataclass
class SessionTotals:
    """What one session moved, for its log line."""

    started: float
    files_in: int = 0
    bytes_in: int = 0
    files_out: int = 0
    bytes_out: int = 0

    def add(self, *, received: bool, size: int, completed: bool) -> None:
        if received:
            self.bytes_in += size
            self.files_in += completed
        else:
            self.bytes_out += size
            self.files_out += completed


class SessionMixin(FTPHandler):
    """What sellergate adds to a pyftpdlib session (plain or TLS) around the log-in."""

    _session: SessionTotals = SessionTotals(started=0.0)
    max_sessions_per_user: int = 10
    _counted = False
    banned_now = False  # set by the authorizer when a failure banned this address
    _ban_checked = False
    account: FtpLogin  # set by the authorizer when the log-in succeeds

    # --- suspension means stopped ----------------------------------------------------

    def pre_process_command(self, line: str, cmd: str, arg: str) -> None:
        if not self._ban_checked:
            self._ban_checked = True
            if self._refused_as_banned():
                return
        # Every command of a logged-in session re-checks the account and its seller, so a
        # suspension or a closing stops a session that was opened before it.
        if self.authenticated and cmd.upper() != "QUIT" and not self._still_allowed():
            FTP_LOGINS.labels(outcome="stopped").inc()
            self.respond(
                "421 This FTP account or its seller has been suspended or closed; see the "
                "seller center. Disconnecting."
            )
            self.close_when_done()
            return
        super().pre_process_command(line, cmd, arg)

    def _still_allowed(self) -> bool:
        return database.run(ftp_account_usable, self.username)

    # --- the defender --------------------------------------------------------------

    def on_connect(self) -> None:
        with _live_lock:
            LIVE_SESSIONS.add(self)
        FTP_SESSIONS.inc()
        self._counted = True
        self._session = SessionTotals(started=time.monotonic())

    def _refused_as_banned(self) -> bool:
        """A banned address is refused at its first command, whatever it is. Not in
        ``on_connect``: pyftpdlib calls that in the one thread that accepts every
        connection, and a database read there made each accept wait for it (300 at once
        were let in one by one over 0.8 s). A ban that begins later is the log-in's to
        check (``SellergateAuthorizer``)."""
        until = database.run(defender_banned_until, self.remote_ip)
        if until is None:
            return False
        self.respond(f"421 {ban_refusal(self.remote_ip, until)}")
        self.close_when_done()
        return True

    def on_login_failed(self, username: str, password: str) -> None:
        # Scored by the authorizer already (ftpd/defender.py): here only the goodbye.
        FTP_LOGINS.labels(outcome="failed").inc()
        if self.banned_now:
            self.banned_now = False
            self.respond("421 Too many failed log-ins; this address is banned for a while.")
            self.close_when_done()

    def on_login(self, username: str) -> None:
        with _live_lock:
            sessions = sum(1 for s in LIVE_SESSIONS if s.authenticated and s.username == username)
        if sessions > self.max_sessions_per_user:
            FTP_LOGINS.labels(outcome="too_many_sessions").inc()
            self.respond(
                f"421 Too many sessions for {username} ({self.max_sessions_per_user} at most); "
                "close one and try again."
            )
            self.close_when_done()
            return
        FTP_LOGINS.labels(outcome="ok").inc()
        account = self.account  # as the authorizer read it a moment ago
        self._limits = limits(account.quota_bytes, account.quota_files)
        if _login_audit_due(account.pk, self.remote_ip):
            database.run(self._audit_login, account.pk)

    def _audit_login(self, account_pk: int) -> None:
        """One audit event per account and address an hour, however many log-ins (and
        however many FTP processes: the audit log is asked, not this process's memory)."""
        since = timezone.now() - LOGIN_AUDIT_EVERY
        recent = AuditEvent.objects.filter(
            action="ftp.login",
            object_id=str(account_pk),
            source_address=self.remote_ip,
            occurred_at__gte=since,
        )
        if not recent.exists():
            account = FtpAccount.objects.select_related("seller").get(pk=account_pk)
            audit_record(
                actor=Actor(
                    user=None, label=f"ftp:{account.username}", source_address=self.remote_ip
                ),
                action="ftp.login",
                obj=account,
                seller=account.seller,
            )

    @property
    def transferring(self) -> bool:
        return self.data_channel is not None

    def log_transfer(
        self,
        cmd: str,
        filename: str,
        receive: bool,
        completed: bool,
        elapsed: float,
        bytes: int,
    ) -> None:
        super().log_transfer(cmd, filename, receive, completed, elapsed, bytes)
        FTP_BYTES.labels(direction="received" if receive else "sent").inc(bytes)
        self._session.add(received=receive, size=bytes, completed=completed)

    def on_disconnect(self) -> None:
        with _live_lock:
            LIVE_SESSIONS.discard(self)
        if self._counted:  # a connection refused at accept (too many) was never counted
            FTP_SESSIONS.dec()
            self._counted = False
        connections.close_all()  # this session's own (an upload's hand-over), if it had one
        totals = self._session
        seconds = time.monotonic() - totals.started
        user = getattr(self, "username", None) if self.authenticated else None
        # One line per session (the password never appears: pyftpdlib masks PASS too).
        log.info(
            "ftp session user=%s from=%s seconds=%.1f files_in=%d bytes_in=%d files_out=%d "
            "bytes_out=%d",
            user or "-",
            self.remote_ip,
            seconds,
            totals.files_in,
            totals.bytes_in,
            totals.files_out,
            totals.bytes_out,
            extra={
                "event": "ftp_session",
                "user": user,
                "from": self.remote_ip,
                "seconds": round(seconds, 1),
                "files_in": totals.files_in,
                "bytes_in": totals.bytes_in,
                "files_out": totals.files_out,
                "bytes_out": totals.bytes_out,
            },
        )
