"""Quotas of an FTP home: total size, number of files, size of one file.

Usage is measured from the files themselves (a walk of the home), so it is right
whatever wrote them: uploads or an operator. Uploads in staging count too, so a
resumable upload cannot hide from the quota (the panel shows how much of the usage they
are). Result files do not count: sellergate writes them and the seller cannot delete
them.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from pyftpdlib.handlers import DTPHandler

from sellergate.core import paths

log = logging.getLogger(__name__)

#: After a refusal, at most this much more of the upload is read (and thrown away), so
#: that the client finishes sending and reads the 552 instead of a connection reset.
DRAIN_LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True)
class Usage:
    """What counts against a home's quota, and how much of it is unfinished uploads."""

    bytes: int
    files: int
    staged_bytes: int = 0
    staged_files: int = 0


#: Written by sellergate and read-only to the seller, so never counted: a seller could not
#: free that space, and after a few uploads every STOR was refused (552).
NOT_COUNTED = frozenset({paths.RESULTS_FOLDER})


def _walk(directory: Path, *, skip: frozenset[str] = frozenset()) -> tuple[int, int]:
    total = count = 0
    for root, dirs, files in os.walk(directory):
        if root == str(directory):
            dirs[:] = [d for d in dirs if d not in skip]
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except FileNotFoundError:
                continue
            count += 1
    return total, count


@dataclass(frozen=True)
class Limits:
    bytes: int
    files: int
    file_bytes: int


def usage(home: Path, staging: Path) -> Usage:
    """The home's files (results/ aside) and the unfinished uploads in its staging."""
    home_bytes, home_files = _walk(home, skip=NOT_COUNTED)
    staged_bytes, staged_files = _walk(staging)
    return Usage(
        bytes=home_bytes + staged_bytes,
        files=home_files + staged_files,
        staged_bytes=staged_bytes,
        staged_files=staged_files,
    )


def limits(quota_bytes: int | None, quota_files: int | None) -> Limits:
    return Limits(
        bytes=quota_bytes or settings.FTP_QUOTA_BYTES,
        files=quota_files or settings.FTP_QUOTA_FILES,
        file_bytes=settings.FTP_MAX_FILE_BYTES,
    )


class QuotaExceeded(OSError):
    def __init__(self, message: str) -> None:
        super().__init__(errno.EDQUOT, message)
        self.message = message


class QuotaFile:
    """A file object that refuses writes beyond ``allowed`` more bytes."""

    def __init__(self, file: IO[bytes], allowed: int, message: str) -> None:
        self._file = file
        self._allowed = allowed
        self._message = message

    def write(self, data: bytes) -> int:
        if len(data) > self._allowed:
            raise QuotaExceeded(self._message)
        self._allowed -= len(data)
        return self._file.write(data)

    def __getattr__(self, name: str) -> object:
        return getattr(self._file, name)


class _Drain:
    """Where the rest of a refused upload goes: counted, never stored."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.closed = False
        self.drained = 0

    def write(self, data: bytes) -> int:
        self.drained += len(data)
        if self.drained > DRAIN_LIMIT:
            raise OSError(errno.EFBIG, "refused upload still sending")
        return len(data)

    def close(self) -> None:
        self.closed = True


class QuotaAnswerMixin(DTPHandler):
    """For a pyftpdlib data channel: a write refused by the quota answers 552 with the
    reason at once, drops what was written, and reads the rest of the upload into
    nothing (up to DRAIN_LIMIT), so the client sees the 552 rather than a reset (closing
    a socket with unread data resets it, and curl then says only "Failed sending data").
    """

    _refused = False
    # pyftpdlib's DTPHandler attributes this mixin reads and sets.
    file_obj: Any
    transfer_finished: bool
    _resp: tuple[Any, ...]

    def handle_error(self) -> None:
        error = sys.exc_info()[1]
        cause = error.args[0] if error is not None and error.args else None
        if self._refused:  # the drain is over: close, the 552 has been sent
            self.close()
            return
        if isinstance(cause, QuotaExceeded):
            self._refuse(cause.message)
            return
        super().handle_error()

    def _refuse(self, message: str) -> None:
        self._refused = True
        self.cmd_channel.respond(f"552 {message}", logfun=log.info)
        partial = self.file_obj
        partial.close()
        Path(partial.name).unlink(missing_ok=True)
        self.file_obj = _Drain(partial.name)

    def close(self) -> None:
        if self._refused:
            self.transfer_finished = False  # never handed over
            self._resp = ()  # answered already
        super().close()
