"""Quotas of an FTP home: total size, number of files, size of one file.

Usage is measured from the files themselves (a walk of the home), so it is right
whatever wrote them: uploads, sellergate's result files, an operator. Uploads in
staging count too, so a resumable upload cannot hide from the quota.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from django.conf import settings


@dataclass(frozen=True)
class Usage:
    bytes: int
    files: int


@dataclass(frozen=True)
class Limits:
    bytes: int
    files: int
    file_bytes: int


def usage(*directories: Path) -> Usage:
    total = count = 0
    for directory in directories:
        for root, _dirs, files in os.walk(directory):
            for name in files:
                try:
                    total += os.lstat(os.path.join(root, name)).st_size
                except FileNotFoundError:
                    continue
                count += 1
    return Usage(bytes=total, files=count)


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
