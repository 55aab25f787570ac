"""The staging area of interrupted uploads: kept for a resume, removed when stale."""

from __future__ import annotations

import os
import time
from pathlib import Path

from django.conf import settings

from sellergate.core import paths


def staging_sweep(*, root: Path | None = None, max_age_hours: int | None = None) -> int:
    """Remove staged uploads untouched for longer than the maximum age; returns how many."""
    staging = paths.staging_root(root)
    max_age = (max_age_hours or settings.FTP_STAGING_MAX_AGE_HOURS) * 3600
    cutoff = time.time() - max_age
    removed = 0
    if not staging.is_dir():
        return 0
    for user_dir in staging.iterdir():
        for staged in user_dir.iterdir() if user_dir.is_dir() else ():
            try:
                if staged.is_file() and os.lstat(staged).st_mtime < cutoff:
                    staged.unlink()
                    removed += 1
            except FileNotFoundError:
                continue
    return removed
