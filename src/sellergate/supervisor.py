"""Runs sellergate's processes (web, and later FTP and worker) side by side.

``sellergate serve`` starts each as a child process and stays in the foreground. On
Ctrl-C or SIGTERM every child gets SIGTERM and a grace period to finish what it is
doing, then SIGKILL. When one child dies on its own, the others are stopped too and
the supervisor exits non-zero, so a service manager (systemd, compose) restarts the
whole set instead of leaving half of it running.
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


class Supervisor:
    def __init__(self, specs: Sequence[ProcessSpec], *, grace_seconds: float = 10.0) -> None:
        self.specs = list(specs)
        self.grace_seconds = grace_seconds
        self.children: dict[str, subprocess.Popen[bytes]] = {}
        self._stopping = False

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self._stopping = True

    def run(self) -> int:
        previous = {
            sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGINT, signal.SIGTERM)
        }
        try:
            for spec in self.specs:
                self.children[spec.name] = subprocess.Popen(  # noqa: S603 - our own argv
                    list(spec.argv), env={**os.environ, **spec.env}
                )
                log.info("started %s (pid %d)", spec.name, self.children[spec.name].pid)
            exit_code = 0
            while not self._stopping:
                for name, child in self.children.items():
                    if child.poll() is not None:
                        log.error(
                            "%s exited with status %s; stopping the others", name, child.returncode
                        )
                        exit_code = 1
                        self._stopping = True
                        break
                time.sleep(0.2)
            self.stop()
            return exit_code
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def stop(self) -> None:
        running = [child for child in self.children.values() if child.poll() is None]
        for child in running:
            child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + self.grace_seconds
        for child in running:
            try:
                child.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.warning(
                    "pid %d did not stop within %.0f s; killing it", child.pid, self.grace_seconds
                )
                child.kill()
                child.wait()


def python_module(module: str, *args: str) -> list[str]:
    """argv that runs ``python -m module`` with this interpreter."""
    return [sys.executable, "-m", module, *args]
