"""Which top-bar entry of the seller center a page is under, for its current-page mark
(``aria-current="page"``): each page names its section by its URL name."""

from __future__ import annotations

from django.http import HttpRequest

SECTIONS = {
    "home": "home",
    "products": (
        "bulk",
        "bulk_upload",
        "bulk_jobs",
        "products",
        "product_detail",
        "ftp_panel",
        "ftp_password_reset",
        "categories",
        "brands",
    ),
    "orders": ("orders", "order_detail", "questions", "question_detail", "claims", "claim_detail"),
    "api_keys": ("api_keys", "api_key_create", "api_key_rotate", "api_key_revoke"),
    "permissions": ("permissions", "ftp_application"),
    "inquiry": ("inquiry", "api_key_request"),
    "requests": ("request_list", "request_detail"),
    "faq": ("faq",),
}
_BY_NAME = {
    name: section
    for section, names in SECTIONS.items()
    for name in ((names,) if isinstance(names, str) else names)
}


def context(request: HttpRequest) -> dict[str, str]:
    match = request.resolver_match
    if match is None or match.namespace != "portal":
        return {}
    return {"portal_section": _BY_NAME.get(match.url_name or "", "")}
