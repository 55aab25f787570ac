"""`sellergate serve`'s supervisor: children stop together, cleanly."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

from sellergate.supervisor import ProcessSpec, Supervisor

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_sigterm_stops_every_child() -> None:
    supervisor = Supervisor([ProcessSpec("a", SLEEPER), ProcessSpec("b", SLEEPER)], grace_seconds=5)
    result: list[int] = []

    def stop_soon() -> None:
        while len(supervisor.children) < 2:
            time.sleep(0.05)
        supervisor._on_signal(signal.SIGTERM, None)

    threading.Thread(target=stop_soon).start()
    result.append(supervisor.run())
    assert result == [0]
    assert all(child.returncode == -signal.SIGTERM for child in supervisor.children.values())


def test_one_child_dying_stops_the_others_and_fails() -> None:
    crasher = [sys.executable, "-c", "raise SystemExit(3)"]
    supervisor = Supervisor(
        [ProcessSpec("web", SLEEPER), ProcessSpec("crash", crasher)], grace_seconds=5
    )
    started = time.monotonic()
    assert supervisor.run() == 1
    assert time.monotonic() - started < 10
    assert not _alive(supervisor.children["web"].pid)


def test_a_child_that_ignores_sigterm_is_killed_after_the_grace_period() -> None:
    stubborn = [
        sys.executable,
        "-c",
        "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(60)",
    ]
    supervisor = Supervisor([ProcessSpec("stubborn", stubborn)], grace_seconds=1)
    supervisor.children["stubborn"] = __import__("subprocess").Popen(stubborn)
    time.sleep(0.5)  # let it install its handler
    supervisor.stop()
    assert supervisor.children["stubborn"].returncode == -signal.SIGKILL
