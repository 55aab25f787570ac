"""How FTP passwords are hashed.

scrypt, a memory-hard KDF, at a cost that fits a password checked on every FTP log-in:
the passwords are generated (144 random bits), so the KDF guards against a stolen
database, not against guessable passwords, and a log-in costs about 40 ms of one core
instead of Django's default PBKDF2 (about half a second). Kept apart from Django's
PASSWORD_HASHERS so that user passwords keep Django's defaults.
"""

from __future__ import annotations

import os
import threading

from django.contrib.auth.hashers import ScryptPasswordHasher


class FtpPasswordHasher(ScryptPasswordHasher):
    algorithm = "scrypt-ftp"
    work_factor = 2**14
    block_size = 8
    parallelism = 1


FTP_HASHER = FtpPasswordHasher()

# As many KDFs at once as there are cores. scrypt leaves the interpreter lock while it
# works, so 30 first log-ins of a burst all ran at once, each slowed by the others (and
# their 16 MiB each fighting for memory bandwidth), and all finished together at the end;
# in turn, each finishes in its 40 ms and lets its waiting sessions in while the next
# runs. It also bounds what a flood of guesses can take of the machine.
_kdf_slots = threading.BoundedSemaphore(len(os.sched_getaffinity(0)))


def hash_ftp_password(password: str) -> str:
    with _kdf_slots:
        return FTP_HASHER.encode(password, FTP_HASHER.salt())


def check_ftp_password(password: str, encoded: str) -> bool:
    if not encoded.startswith(FtpPasswordHasher.algorithm + "$"):
        return False
    with _kdf_slots:
        return FTP_HASHER.verify(password, encoded)
