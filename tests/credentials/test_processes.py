"""Credentials across processes: a revocation reaches another process's cache on its very
next request; a worker killed in the middle of provisioning loses and doubles nothing."""

from __future__ import annotations

import datetime as dt
import signal
import subprocess
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django_tasks_db.models import DBTaskResult

from sellergate.access.models import RequestStatus
from sellergate.audit.models import AuditEvent
from sellergate.core.actors import Actor
from sellergate.credentials import api_keys
from sellergate.credentials.models import FtpAccount, FtpStatus
from sellergate.grants.services import request_approve
from tests.factories import SellerFactory, access_request, granted_seller
from tests.processes import Lines, environment, sellergate

pytestmark = pytest.mark.django_db(transaction=True)

HERE = Path(__file__).parent
MONDAY = dt.datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Asia/Tokyo"))


def test_a_revocation_reaches_another_processs_cache_on_its_next_request() -> None:
    key, token = api_keys.api_key_create(
        actor=Actor.system("test"), seller=granted_seller(), name="k"
    )
    with subprocess.Popen(
        [sys.executable, str(HERE / "verify_loop.py"), token],
        env=environment(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as other:
        assert other.stdin is not None
        lines = Lines(other)
        other.stdin.write("\n")
        other.stdin.flush()
        assert (
            lines.wait_for(lambda line: line.startswith("ok")) != "ok 0"
        )  # loaded from the database
        other.stdin.write("\n")
        other.stdin.flush()
        assert lines.wait_for(lambda line: line.startswith("ok")) == "ok 0"  # now from its cache

        api_keys.api_key_revoke(actor=Actor.system("test"), key=key, reason="テスト")

        other.stdin.write("\n")
        other.stdin.flush()
        assert lines.wait_for(lambda line: not line.startswith("ok")).startswith("revoked")
        other.stdin.close()


def test_a_worker_killed_while_provisioning_loses_and_doubles_nothing() -> None:
    request = access_request(SellerFactory(login_id="shop-ftp"), kind="ftp")
    request_approve(actor=Actor.system("desk"), request=request, now=MONDAY)
    account = FtpAccount.objects.get()
    assert DBTaskResult.objects.count() == 1
    ftp_root = str(settings.FTP_ROOT)

    with subprocess.Popen(
        [sys.executable, str(HERE / "slow_worker.py")],
        env=environment(SELLERGATE_FTP_ROOT=ftp_root),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as slow:
        try:
            Lines(slow).wait_for(lambda line: "stalled after item/" in line)
        finally:
            slow.send_signal(signal.SIGKILL)
            slow.wait()

    account.refresh_from_db()
    home = Path(ftp_root) / "sg-shop-ftp"
    assert account.status == FtpStatus.PROVISIONING
    assert [p.name for p in home.iterdir()] == ["item"]

    worker = sellergate(
        "worker",
        "--no-startup-delay",
        "--interval",
        "0.1",
        "--no-schedule",
        SELLERGATE_FTP_ROOT=ftp_root,
        SELLERGATE_FTP_PROVISION_RETRY_SECONDS="0",
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            account.refresh_from_db()
            if account.status == FtpStatus.ACTIVE:
                break
            time.sleep(0.2)
    finally:
        worker.send_signal(signal.SIGTERM)
        output, _ = worker.communicate(timeout=30)
    assert account.status == FtpStatus.ACTIVE, output
    assert FtpAccount.objects.count() == 1
    assert sorted(p.name for p in home.iterdir()) == ["images", "inventory", "item", "results"]
    request.refresh_from_db()
    assert request.status == RequestStatus.FULFILLED
    assert AuditEvent.objects.filter(action="ftp_account.activate").count() == 1
    assert AuditEvent.objects.filter(action="request.fulfil").count() == 1
