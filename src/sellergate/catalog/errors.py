"""Why the catalog refused a change (see ``sellergate.errors``)."""

from __future__ import annotations

from sellergate.errors import FieldError


class CatalogError(FieldError):
    pass
