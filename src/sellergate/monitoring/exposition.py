"""Adding up every process's metrics files for a scrape."""

from __future__ import annotations

import os
import re
from pathlib import Path

from django.conf import settings
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest, multiprocess

from sellergate.monitoring.collectors import DatabaseCollector

_LIVE_FILE = re.compile(r"^gauge_live\w*?_(\d+)\.db$")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def forget_dead_processes() -> None:
    """Drop the "live" gauges of processes that are gone (killed, or crashed) so that, say,
    the FTP sessions of a dead server are not counted. The directory is this machine's
    own (METRICS_DIR is per host), so a pid that does not exist here is dead. Counters of
    dead processes stay: their counts happened."""
    for path in Path(settings.METRICS_DIR).glob("gauge_live*.db"):
        match = _LIVE_FILE.match(path.name)
        if match and not _alive(int(match.group(1))):
            multiprocess.mark_process_dead(int(match.group(1)), str(settings.METRICS_DIR))


def render() -> tuple[bytes, str]:
    forget_dead_processes()
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry, path=str(settings.METRICS_DIR))
    registry.register(DatabaseCollector())
    return generate_latest(registry), CONTENT_TYPE_LATEST
