"""Importing this package registers every method (see ``sellergate.qapi.registry``)."""

from sellergate.qapi.methods import (  # noqa: F401
    certification,
    claims,
    common,
    cscenter,
    items_basic,
    items_contents,
    items_lookup,
    items_options,
    items_order,
    move,
    reports,
    shipping,
    shipping_updates,
)
