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

import logging
import os
from pathlib import Path
from typing import IO

from django.db import close_old_connections
from pyftpdlib.handlers import FTPHandler

from sellergate.bulk.models import JobKind, JobSource
from sellergate.bulk.services import bulk_job_receive
from sellergate.bulk.suspension import UploadRefused
from sellergate.core import paths
from sellergate.core.actors import Actor
from sellergate.credentials.models import FtpAccount
from sellergate.ftpd.quotas import Limits, QuotaFile, usage

log = logging.getLogger(__name__)

TEMPORARY_SUFFIXES = (".part", ".tmp", ".filepart", ".partial", ".crdownload")
KINDS = {"item": JobKind.ITEM, "inventory": JobKind.INVENTORY, "images": JobKind.IMAGE}


def is_temporary(name: str) -> bool:
    return name.startswith(".") or name.lower().endswith(TEMPORARY_SUFFIXES)


class UploadsMixin(FTPHandler):
    """Uploads through staging, held to the home's quotas, recorded as bulk jobs."""

    ftp_root: Path = Path("/nonexistent")  # the server's FTP root (its staging is there)
    _announced_size: int | None = None
    _limits: Limits = Limits(bytes=0, files=0, file_bytes=0)  # the account's, at log-in

    def _staging_path(self, target: str) -> Path:
        return paths.staged_file(self.username, target, self.ftp_root)

    def _allowed_bytes(self, target: str, staged: Path) -> int | None:
        """How many bytes this upload may write, or None (a 552 sent) if it may not start."""
        used = usage(Path(self.fs.root), staged.parent)  # results/ aside
        is_new = not os.path.exists(target) and not staged.exists()
        if is_new and used.files + 1 > self._limits.files:
            self.respond(
                f"552 File quota exceeded: {used.files} of {self._limits.files} files used; "
                "delete files you no longer need, then upload again."
            )
            return None
        remaining = self._limits.bytes - used.bytes
        if remaining <= 0:
            self.respond(
                f"552 Size quota exceeded: {used.bytes} of {self._limits.bytes} bytes used; "
                "delete files you no longer need, then upload again."
            )
            return None
        staged_size = staged.stat().st_size if staged.exists() else 0
        offset = self._restart_position or staged_size
        return min(remaining, self._limits.file_bytes - offset)

    def ftp_STOR(self, file: str, mode: str = "w") -> str | None:
        self._upload_targets = getattr(self, "_upload_targets", {})
        staged = self._staging_path(file)
        if "a" not in mode and not self._restart_position:
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
        fs = self.fs
        original_open, original_getsize = fs.open, fs.getsize

        def open_staged(path: str, file_mode: str) -> IO[bytes] | QuotaFile:
            if path != file:
                return original_open(path, file_mode)
            return QuotaFile(original_open(str(staged), file_mode), allowed, message)

        fs.open = open_staged
        fs.getsize = lambda path: original_getsize(str(staged) if path == file else path)
        try:
            return super().ftp_STOR(file, mode)
        finally:
            fs.open, fs.getsize = original_open, original_getsize

    def ftp_ALLO(self, line: str) -> None:
        # A client that announces the size of its next upload gets it checked: an upload
        # that ends short of it was cut off, whatever the data connection said.
        try:
            self._announced_size = int(line.split()[0])
        except (ValueError, IndexError):
            self._announced_size = None
        super().ftp_ALLO(line)

    def ftp_SIZE(self, path: str) -> None:
        # A client resuming an interrupted upload asks the size of what it already sent.
        if not os.path.exists(path):
            staged = self._staging_path(path)
            if staged.exists():
                self.respond(f"213 {staged.stat().st_size}")
                return
        super().ftp_SIZE(path)

    def on_file_received(self, file: str) -> None:
        target = getattr(self, "_upload_targets", {}).pop(file, None)
        announced, self._announced_size = self._announced_size, None
        if target is None:
            return
        if not self.connected:
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
        result = super().ftp_RNTO(path)
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
        account = FtpAccount.objects.select_related("seller").get(username=self.username)
        bulk_job_receive(
            actor=Actor(user=None, label=f"ftp:{account.username}", source_address=self.remote_ip),
            seller=account.seller,
            source=JobSource.FTP,
            kind=KINDS[folder],
            file_name=name,
            stored_path=path,
            size=os.path.getsize(path),
        )
