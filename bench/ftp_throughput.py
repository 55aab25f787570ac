"""FTP drop benchmark (not a test): throughput, parallel uploads, idle sessions, log-ins.

    uv run python bench/ftp_throughput.py [--mib 256] [--repeat 3] [--parallel 20] [--idle 500]
                                          [--logins 200] [--accounts 30] [--burst 300]
                                          [--only-logins]

Everything runs on loopback in a scratch data directory: sellergate's FTP server
(plain FTP, so the figures are the server's, not TLS's) and, when /usr/sbin/vsftpd
is installed, a vsftpd with anonymous upload for the same single-stream transfers,
printed side by side with the ratio.
"""

from __future__ import annotations

import argparse
import contextlib
import ftplib
import io
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from loopback import free_port  # bench/ is on sys.path when a bench runs

ROOT = Path(__file__).resolve().parents[1]
VSFTPD = Path("/usr/sbin/vsftpd")
MIB = 1024 * 1024


def wait_for_banner(port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with (
            contextlib.suppress(OSError),
            socket.create_connection(("127.0.0.1", port), timeout=1) as s,
        ):
            if s.recv(100).startswith(b"220"):
                return
        time.sleep(0.1)
    raise RuntimeError(f"no FTP server on port {port}")


class Payload(io.RawIOBase):
    """``size`` bytes of a repeating pattern, produced as read: memory stays flat."""

    def __init__(self, size: int) -> None:
        self.left = size
        self.block = bytes(range(256)) * 256

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        n = min(len(buffer), self.left, len(self.block))
        buffer[:n] = self.block[:n]
        self.left -= n
        return n


def connect(port: int, user: str, password: str) -> ftplib.FTP:
    ftp = ftplib.FTP()
    ftp.connect("127.0.0.1", port, timeout=60)
    ftp.login(user, password)
    return ftp


def upload_download(
    port: int, user: str, password: str, folder: str, mib: int
) -> tuple[float, float]:
    size = mib * MIB
    with connect(port, user, password) as ftp:
        started = time.perf_counter()
        ftp.storbinary(
            f"STOR {folder}/bench.bin", io.BufferedReader(Payload(size)), blocksize=256 * 1024
        )
        up = size / (time.perf_counter() - started) / 1e6
        received = 0

        def count(chunk: bytes) -> None:
            nonlocal received
            received += len(chunk)

        started = time.perf_counter()
        ftp.retrbinary(f"RETR {folder}/bench.bin", count, blocksize=256 * 1024)
        down = size / (time.perf_counter() - started) / 1e6
        assert received == size
    return up, down


@contextlib.contextmanager
def sellergate_ftp(
    data: Path, connections: int, **extra_env: str
) -> Iterator[tuple[int, str, str, int]]:
    env = {
        **os.environ,
        "SELLERGATE_DATA_DIR": str(data),
        "SELLERGATE_FTP_TLS": "optional",
        "SELLERGATE_FTP_MAX_CONNECTIONS": str(connections + 50),
        "SELLERGATE_FTP_MAX_CONNECTIONS_PER_IP": str(connections + 50),
        "SELLERGATE_FTP_MAX_CONNECTIONS_PER_USER": str(connections + 50),
        "SELLERGATE_FTP_QUOTA_BYTES": str(64 * 1024 * MIB),
        "SELLERGATE_FTP_MAX_FILE_BYTES": str(16 * 1024 * MIB),
        "SELLERGATE_FTP_PASSIVE_PORTS": "50000-50999",
        "SELLERGATE_LOG_LEVEL": "WARNING",
        **extra_env,
    }
    env.pop("DATABASE_URL", None)
    run = [sys.executable, "-m", "sellergate"]
    subprocess.run([*run, "migrate", "-v0"], env=env, check=True)
    script = (
        "import django; django.setup()\n"
        "from sellergate.core.actors import Actor\n"
        "from sellergate.credentials import ftp_accounts\n"
        "from sellergate.grants import provisioning\n"
        "from sellergate.credentials.models import FtpAccount\n"
        "from sellergate.sellers.services import seller_create\n"
        "a = Actor.system('bench')\n"
        "s = seller_create(actor=a, login_id='bench', shop_name='bench',\n"
        "                  contact_email='b@example.com')\n"
        "acc = FtpAccount.objects.create(seller=s, username='sg-bench')\n"
        "acc = provisioning.ftp_account_provision(account_id=acc.pk)\n"
        "print(ftp_accounts.ftp_password_reset(actor=a, account=acc))\n"
    )
    password = (
        subprocess.run(
            [sys.executable, "-c", script],
            env={**env, "DJANGO_SETTINGS_MODULE": "sellergate.settings"},
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    port = free_port()
    server = subprocess.Popen([*run, "ftp", "--port", str(port)], env=env)
    try:
        wait_for_banner(port)
        yield port, "sg-bench", password, server.pid
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


@contextlib.contextmanager
def vsftpd(scratch: Path) -> Iterator[int]:
    os.chmod(scratch, 0o755)  # vsftpd's anonymous sessions run as the ftp user
    root = scratch / "vsftpd-root"
    (root / "item").mkdir(parents=True)
    os.chmod(root, 0o555)
    shutil.chown(root / "item", "ftp")
    empty = scratch / "vsftpd-empty"
    empty.mkdir()
    port = free_port()
    config = scratch / "vsftpd.conf"
    config.write_text(
        "\n".join(
            [
                "listen=YES",
                "listen_ipv6=NO",
                "listen_address=127.0.0.1",
                f"listen_port={port}",
                "background=NO",
                "anonymous_enable=YES",
                "local_enable=NO",
                "write_enable=YES",
                "anon_upload_enable=YES",
                "anon_other_write_enable=YES",
                f"anon_root={root}",
                "no_anon_password=YES",
                "anon_umask=022",
                f"secure_chroot_dir={empty}",
                "seccomp_sandbox=NO",
                "pasv_min_port=51000",
                "pasv_max_port=51999",
                "max_clients=2000",
                "max_per_ip=2000",
                "xferlog_enable=NO",
                "",
            ]
        )
    )
    server = subprocess.Popen([str(VSFTPD), str(config)])
    try:
        wait_for_banner(port)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def parallel_uploads(
    port: int, user: str, password: str, clients: int, mib: int
) -> tuple[float, int]:
    def one(n: int) -> bool:
        try:
            with connect(port, user, password) as ftp:
                ftp.storbinary(
                    f"STOR item/par-{n}.bin",
                    io.BufferedReader(Payload(mib * MIB)),
                    blocksize=256 * 1024,
                )
            return True
        except (OSError, ftplib.Error) as error:
            print(f"  upload {n} failed: {error}", file=sys.stderr)
            return False

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        ok = sum(pool.map(one, range(clients)))
    return clients * mib * MIB / (time.perf_counter() - started) / 1e6, clients - ok


def process_status(pid: int) -> str:
    """Resident memory and threads of a process, from /proc."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return f"RSS {fields['VmRSS'].strip()}, {fields['Threads'].strip()} threads"


def idle_sessions(port: int, user: str, password: str, count: int, pid: int) -> int:
    held: list[ftplib.FTP] = []
    lock = threading.Lock()

    def one(_n: int) -> None:
        with contextlib.suppress(OSError, ftplib.Error):
            ftp = connect(port, user, password)
            with lock:
                held.append(ftp)

    before = process_status(pid)
    with ThreadPoolExecutor(50) as pool:
        list(pool.map(one, range(count)))
    # The cost of a session, for the choice of one thread per session (see ftpd/runner.py).
    print(f"            server before: {before}; holding them: {process_status(pid)}")
    alive = 0
    for ftp in held:
        with contextlib.suppress(OSError, ftplib.Error):
            ftp.voidcmd("NOOP")
            alive += 1
    for ftp in held:
        with contextlib.suppress(OSError, ftplib.Error):
            ftp.close()
    return alive


def login_latency(port: int, user: str, password: str, count: int) -> list[float]:
    barrier = threading.Barrier(count)
    times: list[float] = []

    def one(_n: int) -> None:
        barrier.wait()
        started = time.perf_counter()
        try:
            with connect(port, user, password):
                times.append(time.perf_counter() - started)
        except (OSError, ftplib.Error) as error:
            print(f"  login failed: {error}", file=sys.stderr)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(times)


ACCOUNTS_SCRIPT = """
import django; django.setup()
from sellergate.core.actors import Actor
from sellergate.credentials import ftp_accounts
from sellergate.grants import provisioning
from sellergate.credentials.models import FtpAccount
from sellergate.sellers.services import seller_create
a = Actor.system('bench')
for n in range({count}):
    s = seller_create(actor=a, login_id=f'burst-{{n}}', shop_name='b', contact_email='b@x.jp')
    acc = FtpAccount.objects.create(seller=s, username=f'sg-burst-{{n}}')
    acc = provisioning.ftp_account_provision(account_id=acc.pk)
    print(acc.username, ftp_accounts.ftp_password_reset(actor=a, account=acc))
"""


def make_accounts(data: Path, count: int) -> list[tuple[str, str]]:
    env = {
        **os.environ,
        "SELLERGATE_DATA_DIR": str(data),
        "DJANGO_SETTINGS_MODULE": "sellergate.settings",
    }
    env.pop("DATABASE_URL", None)
    out = subprocess.run(
        [sys.executable, "-c", ACCOUNTS_SCRIPT.format(count=count)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [tuple(line.split()) for line in out.splitlines() if line.startswith("sg-burst-")]  # type: ignore[misc]


def login_burst(port: int, accounts: list[tuple[str, str]], total: int) -> tuple[float, int]:
    """``total`` log-ins at once, spread over ``accounts`` (as lftp mirror sessions are):
    the wall time until the last one is in, and how many failed."""
    barrier = threading.Barrier(total)
    failed = []

    def one(n: int) -> None:
        user, password = accounts[n % len(accounts)]
        barrier.wait()
        try:
            with connect(port, user, password):
                pass
        except (OSError, ftplib.Error) as error:
            failed.append(error)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(total)]
    for thread in threads:
        thread.start()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, len(failed)


# The ceiling of the burst: stock pyftpdlib (the same ThreadedFTPServer and backlog), no
# database, whose authorizer does only what cannot be skipped: the first log-in of each
# account runs the same scrypt as sellergate's FTP hasher, the others are let in at once.
CEILING_SERVER = """
import hashlib, sys, tempfile, threading, logging
from pyftpdlib.authorizers import AuthenticationFailed, DummyAuthorizer
from pyftpdlib.handlers import FTPHandler
from pyftpdlib.servers import ThreadedFTPServer
logging.disable(logging.CRITICAL)
port, accounts = int(sys.argv[1]), int(sys.argv[2])
home = tempfile.mkdtemp()
checked, locks = set(), {f"u{n}": threading.Lock() for n in range(accounts)}
slots = threading.BoundedSemaphore(2)

class KdfOnce(DummyAuthorizer):
    def validate_authentication(self, username, password, handler):
        with locks[username]:
            if username not in checked:
                with slots:
                    hashlib.scrypt(password.encode(), salt=b"s" * 16, n=2**14, r=8, p=1)
                checked.add(username)

authorizer = KdfOnce()
for n in range(accounts):
    authorizer.add_user(f"u{n}", "pw", home, perm="elr")
FTPHandler.authorizer = authorizer
server = ThreadedFTPServer(("127.0.0.1", port), FTPHandler, backlog=1024)
server.max_cons = server.max_cons_per_ip = 5000
server.serve_forever()
"""


def ceiling_burst(accounts: int, total: int) -> tuple[float, int]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", CEILING_SERVER, str(port), str(accounts)])
    try:
        wait_for_banner(port)
        return login_burst(port, [(f"u{n}", "pw") for n in range(accounts)], total)
    finally:
        server.terminate()
        server.wait(timeout=10)


def burst_report(scratch: Path, accounts: int, total: int) -> None:
    """The burst against sellergate's server, which remembers verified passwords; against
    it with the cache off (every log-in runs the KDF); and the ceiling measured in the
    same run: stock pyftpdlib paying only the first KDF of each account."""
    results = {}
    for label, seconds in (("cache on", "60"), ("cache off", "0")):
        data = scratch / f"burst-{seconds}"
        with sellergate_ftp(data, total, SELLERGATE_FTP_PASSWORD_CACHE_SECONDS=seconds) as (
            port,
            _user,
            _pw,
            _pid,
        ):
            pairs = make_accounts(data, accounts)
            results[label] = login_burst(port, pairs, total)
        took, failed = results[label]
        print(
            f"sellergate  {total} concurrent log-ins of {accounts} accounts, {label}: "
            f"{took:.2f} s for all, {failed} failed"
        )
    print(
        f"ratio cache off/on: {results['cache off'][0] / results['cache on'][0]:.1f}x "
        f"(the first log-in of each account still pays the KDF)"
    )
    took, failed = ceiling_burst(accounts, total)
    print(
        f"ceiling     {total} concurrent log-ins of {accounts} accounts, stock pyftpdlib, "
        f"{accounts} KDFs and no database: {took:.2f} s for all, {failed} failed; "
        f"sellergate/ceiling {results['cache on'][0] / took:.2f}"
    )


def best_of(runs: int, transfer: Callable[[], tuple[float, float]]) -> tuple[float, float]:
    """The best upload and download rate of several runs: on a shared 2-core machine a
    single run swings with whatever else is scheduled, the best one much less."""
    results = [transfer() for _ in range(max(1, runs))]
    return max(r[0] for r in results), max(r[1] for r in results)


def rates(up: float, down: float) -> str:
    return f"upload {up:8.1f} MB/s   download {down:8.1f} MB/s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=int, default=256, help="size of the single-stream file")
    parser.add_argument("--parallel", type=int, default=20, help="parallel uploads")
    parser.add_argument("--parallel-mib", type=int, default=16, help="size of each parallel upload")
    parser.add_argument("--idle", type=int, default=500, help="idle sessions to hold")
    parser.add_argument("--logins", type=int, default=200, help="concurrent log-ins")
    parser.add_argument(
        "--repeat", type=int, default=3, help="single-stream runs per server; the best counts"
    )
    parser.add_argument("--accounts", type=int, default=30, help="accounts of the log-in burst")
    parser.add_argument("--burst", type=int, default=300, help="log-ins of the burst")
    parser.add_argument("--only-logins", action="store_true", help="only the log-in burst")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sellergate-bench-") as scratch_name:
        scratch = Path(scratch_name)
        burst_report(scratch, args.accounts, args.burst)
        if args.only_logins:
            return
        with sellergate_ftp(scratch / "data", max(args.idle, args.logins, args.parallel)) as (
            port,
            user,
            pw,
            pid,
        ):
            up, down = best_of(
                args.repeat, lambda: upload_download(port, user, pw, "item", args.mib)
            )
            print(f"sellergate  single stream {args.mib} MiB: " + rates(up, down))
            rate, errors = parallel_uploads(port, user, pw, args.parallel, args.parallel_mib)
            print(
                f"sellergate  {args.parallel} parallel uploads of {args.parallel_mib} MiB: "
                f"{rate:8.1f} MB/s in all, {errors} errors"
            )
            alive = idle_sessions(port, user, pw, args.idle, pid)
            print(f"sellergate  idle sessions held: {alive} of {args.idle}")
            times = login_latency(port, user, pw, args.logins)
            if times:
                p50 = statistics.median(times) * 1000
                p99 = times[min(len(times) - 1, int(len(times) * 0.99))] * 1000
                print(
                    f"sellergate  {args.logins} concurrent log-ins: {len(times)} ok, "
                    f"p50 {p50:.0f} ms, p99 {p99:.0f} ms"
                )
        if VSFTPD.exists() and os.geteuid() == 0:
            with vsftpd(scratch) as vport:
                vup, vdown = best_of(
                    args.repeat, lambda: upload_download(vport, "anonymous", "", "item", args.mib)
                )
            print(f"vsftpd      single stream {args.mib} MiB: " + rates(vup, vdown))
            print(f"ratio sellergate/vsftpd: upload {up / vup:.2f}   download {down / vdown:.2f}")
        else:
            print("vsftpd not installed (apt-get install vsftpd) or not root: no comparison")


if __name__ == "__main__":
    main()
