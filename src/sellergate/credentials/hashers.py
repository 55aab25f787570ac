"""How FTP passwords are hashed.

scrypt, a memory-hard KDF, at a cost that fits a password checked on every FTP log-in:
the passwords are generated (144 random bits), so the KDF guards against a stolen
database, not against guessable passwords, and a log-in costs about 40 ms of one core
instead of Django's default PBKDF2 (about half a second). Kept apart from Django's
PASSWORD_HASHERS so that user passwords keep Django's defaults.
"""

from __future__ import annotations

from django.contrib.auth.hashers import ScryptPasswordHasher


class FtpPasswordHasher(ScryptPasswordHasher):
    algorithm = "scrypt-ftp"
    work_factor = 2**14
    block_size = 8
    parallelism = 1


FTP_HASHER = FtpPasswordHasher()


def hash_ftp_password(password: str) -> str:
    return FTP_HASHER.encode(password, FTP_HASHER.salt())


def check_ftp_password(password: str, encoded: str) -> bool:
    if not encoded.startswith(FtpPasswordHasher.algorithm + "$"):
        return False
    return FTP_HASHER.verify(password, encoded)
