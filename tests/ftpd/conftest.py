"""A real sellergate FTP server in its own process, on loopback, against the test database."""

from __future__ import annotations

import contextlib
import ftplib
import random
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

from sellergate.core.actors import Actor
from sellergate.credentials import ftp_accounts
from sellergate.credentials.models import FtpAccount
from sellergate.ftpd.certificates import ensure_self_signed
from sellergate.grants import provisioning
from tests.factories import SellerFactory
from tests.processes import Lines, free_port, sellergate, stop


@dataclass
class FtpServer:
    port: int
    root: Path
    cert: Path
    process: subprocess.Popen[str]
    output: Lines

    def account(self, login_id: str = "shop-ftp") -> tuple[FtpAccount, str]:
        """An ACTIVE account with a password, as provisioning and the panel make it."""
        seller = SellerFactory(login_id=login_id)
        account = FtpAccount.objects.create(
            seller=seller, username=ftp_accounts.ftp_username(seller)
        )
        account = provisioning.ftp_account_provision(account_id=account.pk)
        password = ftp_accounts.ftp_password_reset(actor=Actor.system("test"), account=account)
        return account, password

    def client(self, user: str, password: str, *, tls: bool = True) -> ftplib.FTP:
        ftp: ftplib.FTP = ftplib.FTP_TLS() if tls else ftplib.FTP()
        try:
            ftp.connect("127.0.0.1", self.port, timeout=10)
            ftp.login(user, password)
            if isinstance(ftp, ftplib.FTP_TLS):
                ftp.prot_p()
        except BaseException:
            ftp.close()
            raise
        return ftp


@contextlib.contextmanager
def started_ftp_server(tmp_path: Path, tls: str = "required", **env: str) -> Iterator[FtpServer]:
    """``sellergate ftp`` on a free port with its own passive range, its output read line by
    line (``server.output``) so that a talkative server never blocks on a full pipe."""
    cert, key = ensure_self_signed(tmp_path / "tls")
    port = free_port()
    first = random.randrange(40000, 59000, 50)
    process = sellergate(
        "ftp",
        "--port",
        str(port),
        SELLERGATE_FTP_ROOT=str(settings.FTP_ROOT),
        SELLERGATE_FTP_TLS=tls,
        SELLERGATE_FTP_TLS_CERT=str(cert),
        SELLERGATE_FTP_TLS_KEY=str(key),
        SELLERGATE_FTP_PASSIVE_PORTS=f"{first}-{first + 49}",
        **env,
    )
    output = Lines(process)
    deadline = time.monotonic() + 20
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                if sock.recv(100).startswith(b"220"):
                    break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                process.wait()
                text = "\n".join(output.drain())
                raise RuntimeError(f"the FTP server did not start:\n{text}") from None
            time.sleep(0.1)
    try:
        yield FtpServer(
            port=port, root=Path(settings.FTP_ROOT), cert=cert, process=process, output=output
        )
    finally:
        stop(process, timeout=10)


def _start(tmp_path: Path, tls: str, **env: str) -> Iterator[FtpServer]:
    with started_ftp_server(tmp_path, tls, **env) as server:
        yield server


@pytest.fixture
def ftp_server(transactional_db, tmp_path) -> Iterator[FtpServer]:
    yield from _start(tmp_path, "required")


@pytest.fixture
def ftp_server_tls_optional(transactional_db, tmp_path) -> Iterator[FtpServer]:
    yield from _start(tmp_path, "optional")


@pytest.fixture
def ftp_server_quick_ban(transactional_db, tmp_path) -> Iterator[FtpServer]:
    """Bans after a score of 3 (two unknown users), for 8 seconds (longer than pyftpdlib's
    3-second pause before it answers a failed log-in)."""
    yield from _start(
        tmp_path, "required", SELLERGATE_FTP_BAN_THRESHOLD="3", SELLERGATE_FTP_BAN_SECONDS="8"
    )


@pytest.fixture
def ftp_server_long_ban(transactional_db, tmp_path) -> Iterator[FtpServer]:
    """Bans after a score of 3 for 10 minutes: for tests that look at a ban, not its end
    (an 8-second ban could end on a busy machine before the test looked: CI saw it)."""
    yield from _start(
        tmp_path, "required", SELLERGATE_FTP_BAN_THRESHOLD="3", SELLERGATE_FTP_BAN_SECONDS="600"
    )


@pytest.fixture
def ftp_server_two_sessions(transactional_db, tmp_path) -> Iterator[FtpServer]:
    """At most two sessions per user."""
    yield from _start(tmp_path, "required", SELLERGATE_FTP_MAX_CONNECTIONS_PER_USER="2")


@pytest.fixture
def ftp_server_session_reuse(transactional_db, tmp_path) -> Iterator[FtpServer]:
    """Data connections must resume the control connection's TLS session."""
    yield from _start(tmp_path, "required", SELLERGATE_FTP_TLS_REQUIRE_SESSION_REUSE="true")
