"""Runs sellergate's processes (web, FTP and worker) side by side.

``sellergate serve`` starts each as a child process and stays in the foreground. On
Ctrl-C or SIGTERM every child gets SIGTERM and its own grace period to finish what it
is doing (the FTP server's follows SELLERGATE_FTP_SHUTDOWN_GRACE_SECONDS, so transfers
in flight are not cut), then SIGKILL.

When one child dies on its own, it is logged and started again after a pause that
doubles with each quick death (1 s, 2 s, 4 s … at most a minute; back to 1 s once it
has run for a minute), and the others go on: a worker killed by a bad file must not
take the web and FTP services down with it. A service manager (systemd, compose) still
restarts the supervisor itself if it dies.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import FrameType

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProcessSpec:
    name: str
    argv: Sequence[str]
    env: dict[str, str] = field(default_factory=dict)
    #: How long the child may take to stop after SIGTERM before it is killed.
    grace_seconds: float = 10.0


@dataclass
class _Restart:
    failures: int = 0
    started: float = 0.0
    due: float | None = None


class Supervisor:
    def __init__(
        self,
        specs: Sequence[ProcessSpec],
        *,
        backoff_seconds: float = 1.0,
        max_backoff_seconds: float = 60.0,
        stable_seconds: float = 60.0,
    ) -> None:
        self.specs = {spec.name: spec for spec in specs}
        self.backoff_seconds = backoff_seconds
        self.max_backoff_seconds = max_backoff_seconds
        self.stable_seconds = stable_seconds
        self.children: dict[str, subprocess.Popen[bytes]] = {}
        self.restarts: dict[str, _Restart] = {name: _Restart() for name in self.specs}
        self._stopping = False

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self._stopping = True

    def _start(self, name: str) -> None:
        spec = self.specs[name]
        self.children[name] = subprocess.Popen(  # noqa: S603 - our own argv
            list(spec.argv), env={**os.environ, **spec.env}
        )
        self.restarts[name].started = time.monotonic()
        self.restarts[name].due = None
        log.info("started %s (pid %d)", name, self.children[name].pid)

    def _check(self, name: str) -> None:
        child, restart = self.children[name], self.restarts[name]
        now = time.monotonic()
        if restart.due is not None:
            if now >= restart.due:
                self._start(name)
            return
        if child.poll() is None:
            return
        if now - restart.started >= self.stable_seconds:
            restart.failures = 0
        pause = min(self.max_backoff_seconds, self.backoff_seconds * 2**restart.failures)
        restart.failures += 1
        restart.due = now + pause
        log.error(
            "%s exited with status %s; starting it again in %.0f s (the others go on)",
            name,
            child.returncode,
            pause,
        )

    def run(self) -> int:
        previous = {
            sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGINT, signal.SIGTERM)
        }
        try:
            for name in self.specs:
                self._start(name)
            while not self._stopping:
                for name in self.specs:
                    self._check(name)
                time.sleep(0.2)
            self.stop()
            return 0
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def stop(self) -> None:
        running = {name: c for name, c in self.children.items() if c.poll() is None}
        for child in running.values():
            child.send_signal(signal.SIGTERM)
        begun = time.monotonic()
        for name, child in running.items():
            grace = self.specs[name].grace_seconds if name in self.specs else 10.0
            try:
                child.wait(timeout=max(0.0, begun + grace - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.warning(
                    "%s (pid %d) did not stop within %.0f s; killing it", name, child.pid, grace
                )
                child.kill()
                child.wait()


def python_module(module: str, *args: str) -> list[str]:
    """argv that runs ``python -m module`` with this interpreter."""
    return [sys.executable, "-m", module, *args]
