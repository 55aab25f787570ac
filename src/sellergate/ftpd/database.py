"""The FTP server's log-in and per-command reads run on a few long-lived threads.

pyftpdlib's ThreadedFTPServer gives each session a thread of its own, and Django gives
each thread a database connection of its own: every log-in opened and configured a new
connection (2.2 ms of the 7 ms a log-in's reads took on SQLite; more on PostgreSQL over
a network) only to close it a moment later. The reads a session makes at connect, at
log-in and at each command are small and many, so they go through ``run`` to a pool of
``THREADS`` threads that keep their connections, checked between tasks as Django checks
them between requests (dropped when broken or older than CONN_MAX_AGE).

Only database work goes here: a password's KDF runs in the session's own thread, so a
burst of first log-ins never queues the cheap reads of the sessions behind it. An
upload's hand-over (a job and an audit event, once per file) stays in its session.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from django.db import close_old_connections, connections

#: The reads are GIL-bound Python far more than waiting on the database: a few threads
#: keep 2 cores busy; more would only hold more connections open.
THREADS = 4

_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _executor() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="ftp-db")
        return _pool


def _checked[T](call: Callable[[], T]) -> T:
    close_old_connections()  # a connection the server closed, or one past its age
    return call()


def run[**P, T](fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """``fn(*args, **kwargs)`` on one of the pool's threads; its result or its exception."""
    return _executor().submit(_checked, functools.partial(fn, *args, **kwargs)).result()


def stop() -> None:
    """Close the pool threads' connections and end the threads (at the server's end; a
    PostgreSQL database with connections left open cannot be dropped or renamed)."""
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is None:
        return
    # One task per thread: each waits for the others, so no thread takes two.
    everyone = threading.Barrier(THREADS)

    def close_mine() -> None:
        connections.close_all()
        everyone.wait(timeout=10)

    for _ in range(THREADS):
        pool.submit(close_mine)
    pool.shutdown(wait=True)
