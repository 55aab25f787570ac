"""The FTP session: TLS per settings, quotas, uploads staged until really complete.

pyftpdlib writes an upload straight to its name and calls ``on_file_received`` even
when a client just closes the data connection mid-file (pyftpdlib issue 461), while
``on_incomplete_file_received`` does not fire reliably (issue 655). So an upload is
written to a staging file outside the seller's home; only when the transfer finished
cleanly, with the session still connected (and, when the client announced a size with
ALLO, at that size), is it moved (one rename) into its folder and recorded once as a
bulk job. An interrupted upload stays in staging, where a resumed upload (REST + STOR,
APPE) continues it; it is never processed as it is.

Names that clients use while uploading (``*.part``, ``*.tmp``, ``*.filepart``, leading
``.``) are stored but recorded only when renamed to their final name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import threading
import time
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from django.db import close_old_connections
from django.utils import timezone
from pyftpdlib.handlers import DTPHandler, FTPHandler, TLS_DTPHandler, TLS_FTPHandler

from sellergate.audit.actors import Actor
from sellergate.audit.models import AuditEvent
from sellergate.audit.services import audit_record
from sellergate.bulk.models import JobKind, JobSource
from sellergate.bulk.services import UploadRefused, bulk_job_receive
from sellergate.credentials.models import FtpAccount
from sellergate.credentials.services import ftp_account_usable
from sellergate.ftpd.defender import defender_banned_until
from sellergate.ftpd.names import PathRulesMixin
from sellergate.ftpd.quotas import Limits, QuotaAnswerMixin, QuotaFile, limits, usage
from sellergate.ftpd.tls import StrictTLSDataMixin, configure_context
from sellergate.monitoring.metrics import FTP_BYTES, FTP_LOGINS, FTP_SESSIONS

log = logging.getLogger(__name__)

TEMPORARY_SUFFIXES = (".part", ".tmp", ".filepart", ".partial", ".crdownload")
KINDS = {"item": JobKind.ITEM, "inventory": JobKind.INVENTORY, "images": JobKind.IMAGE}


def is_temporary(name: str) -> bool:
    return name.startswith(".") or name.lower().endswith(TEMPORARY_SUFFIXES)


#: The sessions of this process: read by the shutdown and the per-user limit.
LIVE_SESSIONS: weakref.WeakSet[SessionMixin] = weakref.WeakSet()
_live_lock = threading.Lock()
LOGIN_AUDIT_EVERY = dt.timedelta(hours=1)


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


class SessionMixin:
    """What sellergate adds to a pyftpdlib session (plain or TLS)."""

    _session: SessionTotals = SessionTotals(started=0.0)
    staging_root: Path = Path("/nonexistent")
    max_sessions_per_user: int = 10
    _announced_size: int | None = None
    _limits: Limits = Limits(bytes=0, files=0, file_bytes=0)
    _counted = False
    banned_now = False  # set by the authorizer when a failure banned this address

    # --- uploads through staging ---------------------------------------------------

    def _staging_path(self, target: str) -> Path:
        digest = hashlib.sha256(target.encode()).hexdigest()[:32]
        directory = self.staging_root / self.username  # type: ignore[attr-defined]
        directory.mkdir(parents=True, exist_ok=True)
        return directory / digest

    def _allowed_bytes(self, target: str, staged: Path) -> int | None:
        """How many bytes this upload may write, or None (a 552 sent) if it may not start."""
        used = usage(Path(self.fs.root), staged.parent)  # type: ignore[attr-defined] # results/ aside
        is_new = not os.path.exists(target) and not staged.exists()
        if is_new and used.files + 1 > self._limits.files:
            self.respond(  # type: ignore[attr-defined]
                f"552 File quota exceeded: {used.files} of {self._limits.files} files used; "
                "delete files you no longer need, then upload again."
            )
            return None
        remaining = self._limits.bytes - used.bytes
        if remaining <= 0:
            self.respond(  # type: ignore[attr-defined]
                f"552 Size quota exceeded: {used.bytes} of {self._limits.bytes} bytes used; "
                "delete files you no longer need, then upload again."
            )
            return None
        staged_size = staged.stat().st_size if staged.exists() else 0
        offset = self._restart_position or staged_size  # type: ignore[attr-defined]
        return min(remaining, self._limits.file_bytes - offset)

    def ftp_STOR(self, file: str, mode: str = "w") -> str | None:
        self._upload_targets = getattr(self, "_upload_targets", {})
        staged = self._staging_path(file)
        if "a" not in mode and not self._restart_position:  # type: ignore[attr-defined]
            staged.unlink(missing_ok=True)  # a fresh STOR starts over
        allowed = self._allowed_bytes(file, staged)
        if allowed is None:
            return None
        staged.touch(exist_ok=True)
        self._upload_targets[str(staged)] = file
        message = (
            f"Quota exceeded: at most {self._limits.file_bytes} bytes per file and "
            f"{self._limits.bytes} bytes in all; this upload was stopped and not processed."
        )
        # pyftpdlib opens (and, for REST, measures) the path it is given: point both at
        # the staging file for this one call, and hold its writes to the quota.
        fs = self.fs  # type: ignore[attr-defined]
        original_open, original_getsize = fs.open, fs.getsize

        def open_staged(path: str, file_mode: str) -> IO[bytes] | QuotaFile:
            if path != file:
                return original_open(path, file_mode)
            return QuotaFile(original_open(str(staged), file_mode), allowed, message)

        fs.open = open_staged
        fs.getsize = lambda path: original_getsize(str(staged) if path == file else path)
        try:
            return super().ftp_STOR(file, mode)  # type: ignore[misc]
        finally:
            fs.open, fs.getsize = original_open, original_getsize

    def ftp_ALLO(self, line: str) -> None:
        # A client that announces the size of its next upload gets it checked: an upload
        # that ends short of it was cut off, whatever the data connection said.
        try:
            self._announced_size = int(line.split()[0])
        except (ValueError, IndexError):
            self._announced_size = None
        super().ftp_ALLO(line)  # type: ignore[misc]

    def ftp_SIZE(self, path: str) -> None:
        # A client resuming an interrupted upload asks the size of what it already sent.
        if not os.path.exists(path):
            staged = self._staging_path(path)
            if staged.exists():
                self.respond(f"213 {staged.stat().st_size}")  # type: ignore[attr-defined]
                return
        super().ftp_SIZE(path)  # type: ignore[misc]

    def on_file_received(self, file: str) -> None:
        target = getattr(self, "_upload_targets", {}).pop(file, None)
        announced, self._announced_size = self._announced_size, None
        if target is None:
            return
        if not self.connected:  # type: ignore[attr-defined]
            log.info("upload to %s ended with the session; kept in staging", target)
            return
        if announced is not None and os.path.getsize(file) != announced:
            log.info("upload to %s ended short of its announced size; kept in staging", target)
            return
        os.replace(file, target)
        self._record(target)

    def on_incomplete_file_received(self, file: str) -> None:
        target = getattr(self, "_upload_targets", {}).pop(file, None)
        self._announced_size = None
        log.info("incomplete upload to %s kept in staging for a resume", target)

    def ftp_RNTO(self, path: str) -> tuple[str, str] | None:
        result = super().ftp_RNTO(path)  # type: ignore[misc]
        if result is not None and os.path.isfile(path):
            self._record(path)
        return result

    def _record(self, path: str) -> None:
        name = os.path.basename(path)
        folder = os.path.basename(os.path.dirname(path))
        if is_temporary(name) or folder not in KINDS:
            return
        close_old_connections()
        try:
            self._record_job(path, name, folder)
        except UploadRefused:
            # Suspended while this file was in flight: it stays where it landed, no job.
            log.info("upload %s of a suspended seller: not processed", path)
        finally:
            close_old_connections()

    def _record_job(self, path: str, name: str, folder: str) -> None:
        account = FtpAccount.objects.select_related("seller").get(username=self.username)  # type: ignore[attr-defined]
        bulk_job_receive(
            actor=Actor(user=None, label=f"ftp:{account.username}", source_address=self.remote_ip),  # type: ignore[attr-defined]
            seller=account.seller,
            source=JobSource.FTP,
            kind=KINDS[folder],
            file_name=name,
            stored_path=path,
            size=os.path.getsize(path),
        )

    # --- suspension means stopped ----------------------------------------------------

    def pre_process_command(self, line: str, cmd: str, arg: str) -> None:
        # Every command of a logged-in session re-checks the account and its seller, so a
        # suspension or a closing stops a session that was opened before it.
        if self.authenticated and cmd.upper() != "QUIT" and not self._still_allowed():  # type: ignore[attr-defined]
            FTP_LOGINS.labels(outcome="stopped").inc()
            self.respond(  # type: ignore[attr-defined]
                "421 This FTP account or its seller has been suspended or closed; see the "
                "seller center. Disconnecting."
            )
            self.close_when_done()  # type: ignore[attr-defined]
            return
        super().pre_process_command(line, cmd, arg)  # type: ignore[misc]

    def _still_allowed(self) -> bool:
        close_old_connections()
        try:
            return ftp_account_usable(self.username)  # type: ignore[attr-defined]
        finally:
            close_old_connections()

    # --- the defender --------------------------------------------------------------

    def on_connect(self) -> None:
        with _live_lock:
            LIVE_SESSIONS.add(self)
        FTP_SESSIONS.inc()
        self._counted = True
        self._session = SessionTotals(started=time.monotonic())
        close_old_connections()
        try:
            until = defender_banned_until(self.remote_ip)  # type: ignore[attr-defined]
        finally:
            close_old_connections()
        if until is not None:
            local = timezone.localtime(until)
            self.respond(  # type: ignore[attr-defined]
                f"421 Too many failed log-ins from {self.remote_ip}; "  # type: ignore[attr-defined]
                f"try again after {local:%Y-%m-%d %H:%M} (Japan time)."
            )
            self.close_when_done()  # type: ignore[attr-defined]

    def on_login_failed(self, username: str, password: str) -> None:
        # Scored by the authorizer already (ftpd/defender.py): here only the goodbye.
        FTP_LOGINS.labels(outcome="failed").inc()
        if self.banned_now:
            self.banned_now = False
            self.respond("421 Too many failed log-ins; this address is banned for a while.")  # type: ignore[attr-defined]
            self.close_when_done()  # type: ignore[attr-defined]

    def on_login(self, username: str) -> None:
        with _live_lock:
            sessions = sum(
                1
                for s in LIVE_SESSIONS
                if s.authenticated and s.username == username  # type: ignore[attr-defined]
            )
        if sessions > self.max_sessions_per_user:
            FTP_LOGINS.labels(outcome="too_many_sessions").inc()
            self.respond(  # type: ignore[attr-defined]
                f"421 Too many sessions for {username} ({self.max_sessions_per_user} at most); "
                "close one and try again."
            )
            self.close_when_done()  # type: ignore[attr-defined]
            return
        FTP_LOGINS.labels(outcome="ok").inc()
        close_old_connections()
        try:
            account = FtpAccount.objects.select_related("seller").get(username=username)
            self._limits = limits(account.quota_bytes, account.quota_files)
            self._audit_login(account)
        finally:
            close_old_connections()

    def _audit_login(self, account: FtpAccount) -> None:
        """One audit event per account and address an hour, however many log-ins."""
        since = timezone.now() - LOGIN_AUDIT_EVERY
        recent = AuditEvent.objects.filter(
            action="ftp.login",
            object_id=str(account.pk),
            source_address=self.remote_ip,  # type: ignore[attr-defined]
            occurred_at__gte=since,
        )
        if not recent.exists():
            audit_record(
                actor=Actor(
                    user=None, label=f"ftp:{account.username}", source_address=self.remote_ip
                ),  # type: ignore[attr-defined]
                action="ftp.login",
                obj=account,
                seller=account.seller,
            )

    @property
    def transferring(self) -> bool:
        return self.data_channel is not None  # type: ignore[attr-defined]

    def log_transfer(  # type: ignore[no-untyped-def]
        self, cmd, filename, receive, completed, elapsed, bytes
    ) -> None:
        super().log_transfer(cmd, filename, receive, completed, elapsed, bytes)  # type: ignore[misc]
        FTP_BYTES.labels(direction="received" if receive else "sent").inc(bytes)
        self._session.add(received=receive, size=bytes, completed=completed)

    def on_disconnect(self) -> None:
        with _live_lock:
            LIVE_SESSIONS.discard(self)
        if self._counted:  # a connection refused at accept (too many) was never counted
            FTP_SESSIONS.dec()
            self._counted = False
        close_old_connections()
        totals = self._session
        seconds = time.monotonic() - totals.started
        user = getattr(self, "username", None) if self.authenticated else None  # type: ignore[attr-defined]
        # One line per session (the password never appears: pyftpdlib masks PASS too).
        log.info(
            "ftp session user=%s from=%s seconds=%.1f files_in=%d bytes_in=%d files_out=%d "
            "bytes_out=%d",
            user or "-",
            self.remote_ip,  # type: ignore[attr-defined]
            seconds,
            totals.files_in,
            totals.bytes_in,
            totals.files_out,
            totals.bytes_out,
            extra={
                "event": "ftp_session",
                "user": user,
                "from": self.remote_ip,  # type: ignore[attr-defined]
                "seconds": round(seconds, 1),
                "files_in": totals.files_in,
                "bytes_in": totals.bytes_in,
                "files_out": totals.files_out,
                "bytes_out": totals.bytes_out,
            },
        )


# Uploads are read in 1 MiB chunks rather than pyftpdlib's 64 KiB: fewer reads and
# writes per megabyte (bench/ftp_throughput.py measures the difference).
UPLOAD_CHUNK = 1024 * 1024


class QuotaDTPHandler(QuotaAnswerMixin, DTPHandler):
    ac_in_buffer_size = UPLOAD_CHUNK


class QuotaTLSDTPHandler(QuotaAnswerMixin, StrictTLSDataMixin, TLS_DTPHandler):
    ac_in_buffer_size = UPLOAD_CHUNK


class SellergateFTPHandler(PathRulesMixin, SessionMixin, FTPHandler):
    dtp_handler = QuotaDTPHandler


class SellergateFTPSHandler(PathRulesMixin, SessionMixin, TLS_FTPHandler):
    dtp_handler = QuotaTLSDTPHandler
    require_session_reuse = False
    tls_max_version = "1.2"

    @classmethod
    def get_ssl_context(cls):  # type: ignore[no-untyped-def]
        # Built once per handler class and shared by every session; a context that has
        # made a connection can no longer be changed, so configure it only when new.
        if cls.ssl_context is None:
            configure_context(super().get_ssl_context(), cls.tls_max_version)  # ftpd/tls.py
        return cls.ssl_context

    def ftp_AUTH(self, line: str) -> None:
        super().ftp_AUTH(line)
        # Bytes a client sent after AUTH TLS but before the handshake were sent in the
        # clear: never run them as commands of the protected session (the STARTTLS
        # command-injection class, CVE-2011-1575; pyftpdlib issue 315).
        self.ac_in_buffer = b""
        self._in_buffer = []
        self._in_buffer_len = 0
