"""Why the catalog refused a change (see ``sellergate.core.errors``)."""

from __future__ import annotations

from sellergate.core.errors import FieldError


class CatalogError(FieldError):
    pass
