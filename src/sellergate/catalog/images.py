"""Product images by file name: a seller puts ``mug.jpg`` in its FTP ``images/`` folder
(or uploads it on the bulk page) and names it in ``image_main_url``, ``StandardImage``…;
it is then served at a stable URL, ``/images/<seller ID>/mug.jpg``, for as long as the
file is there. Full http(s) URLs are used as they are.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from django.conf import settings

from sellergate.core import paths
from sellergate.core.errors import Message as _
from sellergate.sellers.models import Seller

EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp")


def valid_name(name: str) -> bool:
    return (
        bool(name)
        and "/" not in name
        and "\\" not in name
        and not name.startswith(".")
        and name.lower().endswith(EXTENSIONS)
    )


def find(seller: Seller, name: str) -> Path | None:
    if not valid_name(name):
        return None
    for folder in paths.image_folders(seller.login_id):
        path = folder / name
        if path.is_file():
            return path
    return None


def url(login_id: str, value: str) -> str:
    """What an item's image field means as a URL."""
    if not value or "://" in value:
        return value
    return f"{settings.BASE_URL.rstrip('/')}/images/{quote(login_id)}/{quote(value)}"


def problem(value: str) -> _ | None:
    """What is wrong with ``value`` as an image: an http(s) URL, or the name of a file the
    seller uploaded to images/ (no path); None when nothing is."""
    if "://" in value:
        if not value.lower().startswith(("http://", "https://")):
            return _("An image URL starts with http:// or https://.")
    elif "/" in value or "\\" in value or value.startswith("."):
        return _("Give an http(s) URL or the name of a file in your images/ folder.")
    return None
