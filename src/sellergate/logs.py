"""JSON log lines (``SELLERGATE_LOG_FORMAT=json``) for a log collector.

python-json-logger is the formatter most Python log shippers document; it turns each
record into one JSON object and carries the ``extra={...}`` fields of a log call as keys,
so ``api call`` and ``ftp session`` lines become queryable fields. Whatever is logged,
no secret is: the call sites log key IDs, never keys, and pyftpdlib masks PASS.
"""

from __future__ import annotations

from pythonjsonlogger.json import JsonFormatter as _JsonFormatter


class JsonFormatter(_JsonFormatter):
    def __init__(self) -> None:
        super().__init__(
            "%(asctime)s %(levelname)s %(name)s %(message)s %(process)d",
            rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
            datefmt="%Y-%m-%dT%H:%M:%S%z",
        )
