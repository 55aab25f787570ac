"""A suspended seller's files are neither taken nor processed.

Asked when a file arrives (the FTP server, the bulk page: before a byte is stored) and
by the processor before every batch, so a suspension stops a job that is running.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sellergate.core.errors import TranslatableError
from sellergate.sellers.models import Seller

SUSPENDED = _(
    "Your credentials are suspended (%(reason)s): files are not accepted or processed until "
    "the suspension is lifted. The home page of the seller center says what to do."
)


class UploadRefused(TranslatableError):
    """A file that is not taken at all (the seller is suspended)."""


def suspension_reason(seller_id: int) -> str | None:
    """The seller's suspension reason, read now (another process may have just set it)."""
    row = (
        Seller.objects.filter(pk=seller_id, suspended_at__isnull=False)
        .values_list("suspension_reason", flat=True)
        .first()
    )
    return None if row is None else (row or "—")


def bulk_accepts(seller: Seller) -> None:
    """Raise UploadRefused when ``seller`` may not send files now."""
    reason = suspension_reason(seller.pk)
    if reason is not None:
        raise UploadRefused(SUSPENDED, reason=reason)
