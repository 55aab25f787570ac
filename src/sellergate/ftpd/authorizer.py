"""Who may log in to the FTP drop, where their home is, and what they may do where.

Every log-in goes through the credentials' ``ftp_authentication`` (hashed
passwords, compared by Django's hashers; ACTIVE accounts only). There is no anonymous
log-in. Each seller is confined to its home, whose folders have fixed permissions:

    /            list only
    item/        upload, download, rename, delete   (register/modify files)
    inventory/   upload, download, rename, delete   (price/stock files)
    images/      upload, download, rename, delete   (product images)
    results/     list and download only             (written by sellergate)
"""

from __future__ import annotations

import os
from typing import Any

from django.utils import timezone
from pyftpdlib.authorizers import AuthenticationFailed

from sellergate.core import paths
from sellergate.credentials.errors import KeyRejected
from sellergate.credentials.ftp_authentication import (
    FtpLogin,
    ftp_login_account,
    ftp_password_accepted,
)
from sellergate.ftpd import database
from sellergate.ftpd.defender import ban_refusal, defender_bans, defender_failure

READ_PERMS = "elr"
WRITE_PERMS = "elradfw"

REFUSALS = {
    "unknown": "Login incorrect.",
    "revoked": "This FTP account is suspended or closed; see the seller center.",
    "seller_suspended": "This seller's credentials are suspended; see the seller center.",
}


def _login_facts(address: str, username: str) -> tuple[str | None, FtpLogin | None]:
    """What a log-in needs from the database: a ban's refusal, or the account named."""
    banned, locked = defender_bans(address, username)
    if banned:
        return ban_refusal(address, banned), None
    if locked:
        return (
            "Too many wrong passwords for this FTP user; it is locked until "
            f"{timezone.localtime(locked):%Y-%m-%d %H:%M} (Japan time). Set a new password in "
            "the seller center or ask the desk.",
            None,
        )
    return None, ftp_login_account(username)


class SellergateAuthorizer:
    def __init__(self) -> None:
        self._homes: dict[str, str] = {}

    def validate_authentication(self, username: str, password: str, handler: Any) -> None:
        address = handler.remote_ip
        # One trip to the database threads (ftpd/database.py) for the bans and the account;
        # the bans before the password, so a connection opened before a ban cannot go on
        # guessing.
        refusal, account = database.run(_login_facts, address, username)
        if refusal:
            raise AuthenticationFailed(refusal)
        try:
            account = ftp_password_accepted(account, username, password)  # the KDF, here
        except KeyRejected as error:
            if error.reason == "unknown":  # a guess; scored before the 530 is sent
                banned = database.run(defender_failure, address, username)
                handler.banned_now = banned is not None
            raise AuthenticationFailed(REFUSALS.get(error.reason, REFUSALS["unknown"])) from None
        if not account.home or not os.path.isdir(account.home):
            raise AuthenticationFailed(
                "This FTP account is still being prepared; try again shortly."
            )
        self._homes[username] = os.path.realpath(account.home)
        handler.account = account

    def get_home_dir(self, username: str) -> str:
        return self._homes[username]

    def has_user(self, username: str) -> bool:
        return username in self._homes

    def _folder(self, username: str, path: str | None) -> str | None:
        """The top folder of ``path`` within the home ("" for the home itself)."""
        home = self._homes.get(username)
        if home is None or path is None:
            return None
        real = os.path.realpath(path)
        if real != home and not real.startswith(home + os.sep):
            return None  # outside the home (a symlink planted there, say): nothing allowed
        relative = os.path.relpath(real, home)
        return "" if relative == "." else relative.split(os.sep, 1)[0]

    def has_perm(self, username: str, perm: str, path: str | None = None) -> bool:
        folder = self._folder(username, path)
        if folder is None:
            return False
        if folder == "":
            return perm in "el"
        if folder in paths.UPLOAD_FOLDERS:
            return perm in WRITE_PERMS
        if folder == paths.RESULTS_FOLDER:
            return perm in READ_PERMS
        return False

    def get_perms(self, username: str) -> str:
        return WRITE_PERMS

    def get_msg_login(self, username: str) -> str:
        return "Welcome to the sellergate FTP drop."

    def get_msg_quit(self, username: str) -> str:
        return "Goodbye."

    def impersonate_user(self, username: str, password: str) -> None:
        pass

    def terminate_impersonation(self, username: str) -> None:
        pass
