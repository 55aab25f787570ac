"""What a path in the FTP drop may be, checked before anything is written.

pyftpdlib answers "226 Transfer complete" for an upload it could not store (a name
longer than the file system allows, a folder that does not exist) and the file is lost;
a NUL byte in a path raised inside pyftpdlib and ended the session with a traceback.
Here such a command is answered before a transfer starts: 553 for a name that cannot be
stored (RFC 959: "file name not allowed"), 501 for a NUL byte. The four folders of a
home are fixed: they cannot be renamed or removed (they could not be made again).
"""

from __future__ import annotations

import os

from pyftpdlib.handlers import FTPHandler

from sellergate.core import paths

FIXED_FOLDERS = frozenset(paths.FTP_FOLDERS)


class PathRulesMixin(FTPHandler):
    """For a pyftpdlib control handler, before sellergate's session mixin."""

    def pre_process_command(self, line: str, cmd: str, arg: str) -> None:
        if "\x00" in arg:
            self.respond("501 Syntax error: a path cannot contain a NUL byte.")
            self.log_cmd(cmd, arg.replace("\x00", "\\0"), 501, "NUL byte in path")
            return
        super().pre_process_command(line, cmd, arg)

    def _unstorable(self, path: str) -> str | None:
        """Why ``path`` (a file system path) cannot be written, or None."""
        name = os.path.basename(path)
        if len(name.encode("utf-8", "surrogateescape")) > paths.NAME_BYTES:
            limit = paths.NAME_BYTES
            return f"553 File name not allowed: longer than {limit} bytes; use a shorter name."
        if not os.path.isdir(os.path.dirname(path)):
            folder = self.fs.fs2ftp(os.path.dirname(path))
            return f"553 No such folder: {folder}; upload into item/, inventory/ or images/."
        return None

    def _fixed(self, path: str) -> bool:
        root = self.fs.realpath(self.fs.root)
        parent = self.fs.realpath(os.path.dirname(os.path.abspath(path)))
        return parent == root and os.path.basename(path.rstrip("/")) in FIXED_FOLDERS

    def ftp_STOR(self, file: str, mode: str = "w") -> str | None:
        if why := self._unstorable(file):
            self.respond(why)
            return None
        return super().ftp_STOR(file, mode)

    def ftp_MKD(self, path: str) -> str | None:
        if why := self._unstorable(path):
            self.respond(why)
            return None
        return super().ftp_MKD(path)

    def ftp_RNTO(self, path: str) -> tuple[str, str] | None:
        if why := self._unstorable(path):
            self._rnfr = None
            self.respond(why)
            return None
        return super().ftp_RNTO(path)

    def _refuse_fixed(self, path: str, what: str) -> bool:
        if not self._fixed(path):
            return False
        self.respond(
            f"550 {os.path.basename(path)}/ is one of the home's fixed folders: it cannot be "
            f"{what}."
        )
        return True

    def ftp_RNFR(self, path: str) -> None:
        if not self._refuse_fixed(path, "renamed"):
            super().ftp_RNFR(path)

    def ftp_RMD(self, path: str) -> None:
        if not self._refuse_fixed(path, "removed"):
            super().ftp_RMD(path)
