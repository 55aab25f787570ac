"""Helpers for tests that run sellergate in another process against the test database."""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import time_machine
from django.conf import settings
from django.db import connection

CLOCKWORK = Path(__file__).resolve().parent / "clockwork"


class Lines:
    """The output of a process, line by line, with a timeout."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.queue: queue.Queue[str] = queue.Queue()
        self.ended = threading.Event()
        threading.Thread(target=self._pump, args=(process,), daemon=True).start()
        self.seen: list[str] = []

    def _pump(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        with process.stdout:
            for line in process.stdout:
                self.queue.put(line.rstrip("\n"))
        self.ended.set()

    def rest(self, timeout: float = 10) -> list[str]:
        """Every line, once the process has closed its output (it has ended)."""
        self.ended.wait(timeout)
        return self.drain()

    def drain(self) -> list[str]:
        """Every line so far, those read by ``wait_for`` included."""
        while True:
            try:
                self.seen.append(self.queue.get_nowait())
            except queue.Empty:
                return self.seen

    def wait_for(self, predicate, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.queue.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                break
            self.seen.append(line)
            if predicate(line):
                return line
        raise AssertionError("not seen in time; output was:\n" + "\n".join(self.seen[-40:]))


def stop(process: subprocess.Popen[str], timeout: float = 20) -> None:
    """SIGTERM, as a service manager stops it; SIGKILL if it has not ended in time."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def database_url() -> str:
    """The URL of the database this test runs on (the test database, not the real one)."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    user = quote(db["USER"], safe="")
    password = quote(db["PASSWORD"], safe="")
    return f"postgres://{user}:{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def clock_environment() -> dict[str, str]:
    """What puts a child process at this test's clock (tests/clockwork/sitecustomize.py)."""
    try:
        offset = time.time() - time_machine.escape_hatch.time.time()
    except ValueError:  # not travelling: the test runs on the wall clock
        return {}
    paths = [str(CLOCKWORK), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {"SELLERGATE_TEST_CLOCK_OFFSET": repr(offset), "PYTHONPATH": os.pathsep.join(paths)}


def environment(**extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        **clock_environment(),
        "DATABASE_URL": database_url(),
        "SELLERGATE_DATA_DIR": str(settings.DATA_DIR),
        # The test session's collected static files (tests/conftest.py).
        "SELLERGATE_STATIC_ROOT": str(settings.STATIC_ROOT),
        "DJANGO_SETTINGS_MODULE": "sellergate.settings",
    }
    env.update(extra)
    return env


def sellergate(*args: str, **extra_env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "sellergate", *args],
        env=environment(**extra_env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@contextlib.contextmanager
def running_worker(**extra_env: str) -> Iterator[subprocess.Popen[str]]:
    """``sellergate worker`` polling every 0.2 s, without the periodic jobs, stopped (and
    waited for) at the end."""
    worker = sellergate(
        "worker", "--no-startup-delay", "--interval", "0.2", "--no-schedule", **extra_env
    )
    try:
        yield worker
    finally:
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
        worker.communicate(timeout=30)


def free_port() -> int:
    """A TCP port free on loopback right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_redis(directory: Path, server_program: str = "redis-server") -> Iterator[str]:
    """Debian's redis-server on a free loopback port, nothing persisted; yields its URL."""
    port = free_port()
    server = subprocess.Popen(
        [
            server_program,
            "--bind", "127.0.0.1",
            "--port", str(port),
            "--save", "",
            "--appendonly", "no",
            "--dir", str(directory),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        # redis-server cannot start under libfaketime (.ci/run's moved-clock run); it keeps
        # the real clock, and its tests assert only relative times.
        env={k: v for k, v in os.environ.items() if k not in ("LD_PRELOAD", "FAKETIME")},
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(10).startswith(b"+PONG"):
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        "redis-server did not start:\n" + server.communicate(timeout=5)[0]
                    ) from None
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.communicate(timeout=10)
