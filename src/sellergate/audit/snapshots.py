"""JSON-safe pictures of model instances for the audit log's before/after columns."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from sellergate.core.fields import concrete_field

_encoder = DjangoJSONEncoder()


def field_values(obj: models.Model, fields: list[str] | tuple[str, ...]) -> dict[str, Any]:
    """The named concrete fields of ``obj`` as JSON-safe values (dates as ISO text)."""
    values = {}
    for name in fields:
        value = getattr(obj, concrete_field(obj, name).attname)
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            # The same instant read back from the database is in UTC: compare like with like.
            value = value.astimezone(dt.UTC)
        if value is not None and not isinstance(value, (str, int, float, bool, list, dict)):
            value = _encoder.default(value)
        values[name] = value
    return values


def changed(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the keys whose value differs, for a compact before/after pair."""
    keys = [key for key in after if before.get(key) != after[key]]
    return {key: before.get(key) for key in keys}, {key: after[key] for key in keys}
