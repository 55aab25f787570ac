"""The FTP session: TLS per settings, uploads staged until they are really complete.

pyftpdlib writes an upload straight to its name and calls ``on_file_received`` even
when a client just closes the data connection mid-file (pyftpdlib issue 461), while
``on_incomplete_file_received`` does not fire reliably (issue 655). So an upload is
written to a staging file outside the seller's home; only when the transfer finished
cleanly, with the session still connected, is it moved (one rename) into its folder
and recorded once as a bulk job. An interrupted upload stays in staging, where a
resumed upload (REST + STOR, APPE) continues it; it is never processed as it is.

Names that clients use while uploading (``*.part``, ``*.tmp``, ``*.filepart``, leading
``.``) are stored but recorded only when renamed to their final name.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from django.db import close_old_connections
from django.utils import timezone
from OpenSSL import SSL
from pyftpdlib.handlers import FTPHandler, TLS_FTPHandler

from sellergate.audit.actors import Actor
from sellergate.bulk.models import JobKind, JobSource
from sellergate.bulk.services import bulk_job_receive
from sellergate.credentials.models import FtpAccount
from sellergate.ftpd.defender import defender_banned_until, defender_failure, defender_success

log = logging.getLogger(__name__)

TEMPORARY_SUFFIXES = (".part", ".tmp", ".filepart", ".partial", ".crdownload")
KINDS = {"item": JobKind.ITEM, "inventory": JobKind.INVENTORY, "images": JobKind.IMAGE}


def is_temporary(name: str) -> bool:
    return name.startswith(".") or name.lower().endswith(TEMPORARY_SUFFIXES)


class StagedUploadsMixin:
    staging_root: Path = Path("/nonexistent")
    _announced_size: int | None = None

    def ftp_ALLO(self, line: str) -> None:
        # A client that announces the size of its next upload gets it checked: an upload
        # that ends short of it was cut off, whatever the data connection said.
        try:
            self._announced_size = int(line.split()[0])
        except (ValueError, IndexError):
            self._announced_size = None
        super().ftp_ALLO(line)  # type: ignore[misc]

    def _staging_path(self, target: str) -> Path:
        digest = hashlib.sha256(target.encode()).hexdigest()[:32]
        directory = self.staging_root / self.username  # type: ignore[attr-defined]
        directory.mkdir(parents=True, exist_ok=True)
        return directory / digest

    def ftp_STOR(self, file: str, mode: str = "w") -> str | None:
        self._upload_targets = getattr(self, "_upload_targets", {})
        staged = self._staging_path(file)
        if "a" not in mode and not self._restart_position:  # type: ignore[attr-defined]
            staged.unlink(missing_ok=True)  # a fresh STOR starts over
        if not staged.exists():
            staged.touch()
        self._upload_targets[str(staged)] = file
        # pyftpdlib opens (and, for REST, measures) the path it is given: point both
        # at the staging file for this one call.
        fs = self.fs  # type: ignore[attr-defined]
        original_open, original_getsize = fs.open, fs.getsize
        fs.open = lambda path, file_mode: original_open(
            str(staged) if path == file else path, file_mode
        )
        fs.getsize = lambda path: original_getsize(str(staged) if path == file else path)
        try:
            return super().ftp_STOR(file, mode)  # type: ignore[misc]
        finally:
            fs.open, fs.getsize = original_open, original_getsize

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
        log.info("incomplete upload to %s kept in staging for a resume", target)

    def ftp_RNTO(self, path: str) -> str | None:
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
            account = FtpAccount.objects.select_related("seller").get(username=self.username)  # type: ignore[attr-defined]
            bulk_job_receive(
                actor=Actor(
                    user=None, label=f"ftp:{account.username}", source_address=self.remote_ip
                ),  # type: ignore[attr-defined]
                seller=account.seller,
                source=JobSource.FTP,
                kind=KINDS[folder],
                file_name=name,
                stored_path=path,
                size=os.path.getsize(path),
            )
        finally:
            close_old_connections()

    # --- the defender -------------------------------------------------------------

    def on_connect(self) -> None:
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
        close_old_connections()
        try:
            banned = defender_failure(self.remote_ip, username)  # type: ignore[attr-defined]
        finally:
            close_old_connections()
        if banned is not None:
            self.respond("421 Too many failed log-ins; this address is banned for a while.")  # type: ignore[attr-defined]
            self.close_when_done()  # type: ignore[attr-defined]

    def on_login(self, username: str) -> None:
        close_old_connections()
        try:
            defender_success(self.remote_ip)  # type: ignore[attr-defined]
        finally:
            close_old_connections()

    def on_disconnect(self) -> None:
        close_old_connections()


class SellergateFTPHandler(StagedUploadsMixin, FTPHandler):
    pass


class SellergateFTPSHandler(StagedUploadsMixin, TLS_FTPHandler):
    @classmethod
    def get_ssl_context(cls):  # type: ignore[no-untyped-def]
        # Built once per handler class and shared by every session; a context that has
        # made a connection can no longer be changed, so configure it only when new.
        if cls.ssl_context is None:
            context = super().get_ssl_context()
            context.set_min_proto_version(SSL.TLS1_2_VERSION)  # nothing older than TLS 1.2
        return cls.ssl_context

    def ftp_AUTH(self, line: str) -> None:
        super().ftp_AUTH(line)
        # Bytes a client sent after AUTH TLS but before the handshake were sent in the
        # clear: never run them as commands of the protected session (the STARTTLS
        # command-injection class, CVE-2011-1575; pyftpdlib issue 315).
        self.ac_in_buffer = b""
        self._in_buffer = []
        self._in_buffer_len = 0
