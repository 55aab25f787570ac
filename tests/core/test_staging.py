from __future__ import annotations

import os
import time

from sellergate.core.staging import staging_sweep


def test_stale_staged_uploads_are_removed_and_fresh_ones_kept(tmp_path) -> None:
    user_dir = tmp_path / ".staging" / "sg-shop"
    user_dir.mkdir(parents=True)
    old, fresh = user_dir / "old", user_dir / "fresh"
    old.write_bytes(b"x")
    fresh.write_bytes(b"y")
    two_days_ago = time.time() - 48 * 3600
    os.utime(old, (two_days_ago, two_days_ago))
    assert staging_sweep(root=tmp_path, max_age_hours=24) == 1
    assert not old.exists()
    assert fresh.exists()


def test_no_staging_area_is_nothing_to_do(tmp_path) -> None:
    assert staging_sweep(root=tmp_path) == 0


def test_the_worker_sweeps_every_hour(db) -> None:
    import datetime as dt

    from django.utils import timezone

    from sellergate.worker import schedule

    now = timezone.now()
    assert "ftp_staging_sweep" in schedule.tick(now=now)
    assert "ftp_staging_sweep" not in schedule.tick(now=now + dt.timedelta(minutes=30))
    assert "ftp_staging_sweep" in schedule.tick(now=now + dt.timedelta(minutes=61))
