"""`sellergate demo` as the README runs it: a real server process on loopback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request

from tests.processes import free_port


def wait_for(url: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_demo_serves_both_faces_and_stops_cleanly_on_sigterm(tmp_path) -> None:
    port = free_port()
    env = {**os.environ, "SELLERGATE_DATA_DIR": str(tmp_path / "data")}
    env.pop("DATABASE_URL", None)  # the demo runs on its own SQLite file
    process = subprocess.Popen(
        [sys.executable, "-m", "sellergate", "demo", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        seller_login = wait_for(f"http://127.0.0.1:{port}/seller/login/")
        desk_login = wait_for(f"http://127.0.0.1:{port}/desk/login/")
        assert "セラーセンター ログイン" in seller_login
        assert "オペレーターデスク ログイン" in desk_login
        css = wait_for(f"http://127.0.0.1:{port}/static/sellergate/app.css")
        assert ".condition" in css
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output
    assert f"http://127.0.0.1:{port}/seller/" in output
    assert "shop-late" in output
    assert "sellergate-demo" in output
    assert (tmp_path / "data" / "sellergate.sqlite3").exists()
    assert "API key      : sgk_" in output
    assert "FTP user     : sg-shop-ready" in output
    assert "started worker" in output
