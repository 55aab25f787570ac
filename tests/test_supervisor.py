"""`sellergate serve`'s supervisor: a child that dies is started again (with growing pauses)
while the others go on; on SIGTERM all stop, each within its own grace."""

from __future__ import annotations

import itertools
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
    supervisor = Supervisor([ProcessSpec("a", SLEEPER), ProcessSpec("b", SLEEPER)])
    result: list[int] = []

    def stop_soon() -> None:
        while len(supervisor.children) < 2:
            time.sleep(0.05)
        supervisor._on_signal(signal.SIGTERM, None)

    threading.Thread(target=stop_soon).start()
    result.append(supervisor.run())
    assert result == [0]
    assert all(child.returncode == -signal.SIGTERM for child in supervisor.children.values())


def test_a_child_that_dies_is_started_again_with_growing_pauses_and_the_others_go_on(
    tmp_path,
) -> None:
    starts = tmp_path / "starts"
    crasher = [
        sys.executable,
        "-c",
        f"import time; open({str(starts)!r}, 'a').write(f'{{time.monotonic()}}\\n'); "
        "raise SystemExit(3)",
    ]
    supervisor = Supervisor(
        [ProcessSpec("web", SLEEPER), ProcessSpec("worker", crasher)],
        backoff_seconds=0.2,
        max_backoff_seconds=5,
    )
    web_pids: list[int] = []

    def stop_after_four_starts() -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if starts.exists() and len(starts.read_text().split()) >= 4:
                break
            time.sleep(0.05)
        web_pids.append(supervisor.children["web"].pid)
        supervisor._on_signal(signal.SIGTERM, None)

    threading.Thread(target=stop_after_four_starts).start()
    assert supervisor.run() == 0
    times = [float(t) for t in starts.read_text().split()]
    assert len(times) >= 4
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert gaps[0] >= 0.2
    assert gaps[2] > gaps[0] * 2  # 0.2, 0.4, 0.8 … s
    # The web server was never restarted: one process all along, stopped at the end.
    assert web_pids == [supervisor.children["web"].pid]
    assert supervisor.children["web"].returncode == -signal.SIGTERM


def test_each_child_stops_within_its_own_grace() -> None:
    stubborn = [
        sys.executable,
        "-c",
        "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(60)",
    ]
    supervisor = Supervisor(
        [ProcessSpec("ftp", stubborn, grace_seconds=2), ProcessSpec("web", SLEEPER)]
    )
    for name in supervisor.specs:
        supervisor._start(name)
    time.sleep(0.5)  # let it install its handler
    begun = time.monotonic()
    supervisor.stop()
    took = time.monotonic() - begun
    assert supervisor.children["ftp"].returncode == -signal.SIGKILL
    assert supervisor.children["web"].returncode == -signal.SIGTERM
    assert 1.8 < took < 5


def test_the_ftp_servers_grace_follows_its_own_shutdown_grace(settings) -> None:
    from sellergate.processes import ftp_process

    settings.FTP_SHUTDOWN_GRACE_SECONDS = 30
    assert ftp_process().grace_seconds > 30


def test_a_child_that_ignores_sigterm_is_killed_after_the_grace_period() -> None:
    stubborn = [
        sys.executable,
        "-c",
        "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(60)",
    ]
    supervisor = Supervisor([ProcessSpec("stubborn", stubborn, grace_seconds=1)])
    supervisor.children["stubborn"] = __import__("subprocess").Popen(stubborn)
    time.sleep(0.5)  # let it install its handler
    supervisor.stop()
    assert supervisor.children["stubborn"].returncode == -signal.SIGKILL
