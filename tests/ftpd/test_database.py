"""The FTP server's reads run on a few threads that keep their database connections."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from sellergate.ftpd import database


def _where() -> tuple[str, int]:
    connection.ensure_connection()
    return threading.current_thread().name, id(connection.connection)


@pytest.fixture
def pool():
    yield
    database.stop()  # the pool's connections closed before the test database goes


@pytest.mark.django_db(transaction=True)
def test_reads_run_on_the_pool_and_keep_their_connections(pool) -> None:
    seen = {database.run(_where) for _ in range(40)}
    names = {name for name, _ in seen}
    assert all(name.startswith("ftp-db") for name in names)
    assert threading.current_thread().name not in names
    # One connection per pool thread however many reads: none opened per call.
    assert len(seen) <= database.THREADS


@pytest.mark.django_db(transaction=True)
def test_an_exception_comes_back_to_the_caller(pool) -> None:
    def refuse() -> None:
        raise LookupError("no such account")

    with pytest.raises(LookupError, match="no such account"):
        database.run(refuse)


@pytest.mark.django_db(transaction=True)
def test_stop_closes_every_pool_connection() -> None:
    opened = []

    def remember() -> None:
        connection.ensure_connection()
        opened.append(connection)

    for _ in range(database.THREADS * 3):
        database.run(remember)
    database.stop()
    assert opened
    assert all(c.connection is None for c in opened)
