"""Reads on a hot path in plain SQL, named by the models' own tables and columns.

Where it was measured to matter, and only there: an FTP log-in asks the database three
small things (is the address banned, is the user locked, which account is it), and 300
log-ins arrive at once when a client such as ``lftp mirror`` starts. Django's query
building cost 0.4–1 ms of Python per query on this project's 2-core machines, holding
the interpreter lock, against 0.06 ms for the query itself (bench/ftp_throughput.py;
the figures are in the FTP log-in's module). Everywhere else the ORM is the rule.

The SQL names come from the models (``table``, ``column``), so a renamed field breaks
loudly here instead of reading the wrong column; values go through the backend's own
adapters, so SQLite's text dates and PostgreSQL's timestamps read back the same.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connection, models
from django.utils import timezone
from django.utils.dateparse import parse_datetime


def table(model: type[models.Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def column(model: type[models.Model], field: str) -> str:
    name: str = getattr(model._meta.get_field(field), "column")  # noqa: B009 (a relation has none)
    return connection.ops.quote_name(name)


def fetch_one(sql: str, params: list[Any]) -> tuple[Any, ...] | None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def datetime_param(value: dt.datetime) -> Any:
    return connection.ops.adapt_datetimefield_value(value)


def address_param(value: str) -> Any:
    return connection.ops.adapt_ipaddressfield_value(value)


def datetime_value(value: Any) -> dt.datetime | None:
    """A DateTimeField's value as read: PostgreSQL gives an aware datetime; SQLite a naive
    one in the connection's time zone (UTC) for a column, or for an expression (a
    subquery's result has no declared type) the text Django wrote."""
    if value is None:
        return None
    if isinstance(value, str):
        parsed = parse_datetime(value)
        if parsed is None:
            raise ValueError(f"not a stored datetime: {value!r}")
        value = parsed
    if timezone.is_naive(value):
        value = timezone.make_aware(value, connection.timezone)
    return value
