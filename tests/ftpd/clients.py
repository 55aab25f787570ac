"""Real FTP clients (curl, lftp) run against a test server."""

from __future__ import annotations

import subprocess

from tests import tools


def run(program: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``program`` (skipped, or failed under SELLERGATE_REQUIRE_TOOLS, where it is missing)."""
    argv = [tools.need(program), *args]
    return subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)


def curl(ftp_server, account, password, *args: str) -> subprocess.CompletedProcess[str]:
    """curl over explicit FTPS, trusting the test server's certificate."""
    return run(
        "curl",
        "--silent",
        "--show-error",
        "--ssl-reqd",
        "--cacert",
        str(ftp_server.cert),
        "--user",
        f"{account.username}:{password}",
        *args,
    )


def lftp(ftp_server, account, password, commands: str) -> subprocess.CompletedProcess[str]:
    script = (
        "set ftp:ssl-force true; set ftp:ssl-protect-data true; "
        f"set ssl:ca-file {ftp_server.cert}; set net:max-retries 1; set net:timeout 10; "
        f"{commands}; bye"
    )
    return run(
        "lftp",
        "-u",
        f"{account.username},{password}",
        "-p",
        str(ftp_server.port),
        "-e",
        script,
        "127.0.0.1",
    )
