"""A model's concrete fields by name, typed (``_meta.get_field`` may return a relation)."""

from __future__ import annotations

from typing import Any

from django.db import models


def concrete_field(model: type[models.Model] | models.Model, name: str) -> models.Field[Any, Any]:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field), f"{name} is not a concrete field"
    return field
