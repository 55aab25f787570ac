"""The marketplace's order system pushes orders, claims and inquiries here, as they
happen: ``POST /hooks/feed/<orders|claims|questions>/`` with
``Authorization: Bearer sgf_…`` (``sellergate feed_token create``) and a JSON array of
rows (or ``{"rows": […]}``), each row the columns of ``sellers.feed`` (the same as the
``load_standing`` CSV files) with ``seller`` the seller's login ID.

Each row is applied on its own (a bad row does not hold back the good ones; the feed is
idempotent by number, so sending a row again changes nothing), and the answer reports
every row: ``{"row": i, "number": "…", "status": "applied"}`` or ``"status":
"refused"`` with ``errors`` by column. The body's size and row count are checked before
it is parsed.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from sellergate.core.actors import Actor
from sellergate.credentials.feed_tokens import feed_token_verify
from sellergate.sellers import feed

log = logging.getLogger(__name__)

MAX_ROWS = 10_000


def _refused(status: int, message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _rows(body: bytes) -> list[Any]:
    document = json.loads(body)
    rows = document.get("rows") if isinstance(document, dict) else document
    if not isinstance(rows, list):
        raise ValueError
    return rows


def _apply(kind: str, actor: Actor, index: int, row: Any) -> dict[str, Any]:
    number_field = feed.FEED[kind].number
    if not isinstance(row, dict):
        return {"row": index, "status": "refused", "errors": {"row": [_("Not an object.")]}}
    result: dict[str, Any] = {"row": index, "number": str(row.get(number_field, ""))}
    fields = {str(k): "" if v is None else v for k, v in row.items()}
    try:
        with transaction.atomic():
            feed.apply(kind, actor, fields)
    except ValidationError as error:
        errors = feed.errors_by_column(error, row_key="row")
        return {**result, "status": "refused", "errors": errors}
    return {**result, "status": "applied"}


@csrf_exempt
@require_POST
def receive(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in feed.FEED:
        return _refused(404, _("No such feed; the feeds are: %s.") % ", ".join(feed.FEED))
    authorization = request.headers.get("Authorization", "")
    token = feed_token_verify(authorization.removeprefix("Bearer ").strip())
    if token is None:
        return _refused(401, _("A valid order feed token is required (Authorization: Bearer)."))
    limit = settings.API_MAX_BODY_BYTES  # Django's own body limit follows it
    try:
        length = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        length = limit + 1
    if length > limit:  # refused before the body is read
        return _refused(413, _("The body is larger than %d bytes: send fewer rows.") % limit)
    try:
        rows = _rows(request.body)
    except ValueError:
        return _refused(400, _('Expected a JSON array of rows, or {"rows": [...]}.'))
    if len(rows) > MAX_ROWS:
        return _refused(413, _("At most %d rows per request.") % MAX_ROWS)
    actor = Actor(
        user=None, label=f"feed:{token.name}", source_address=request.META.get("REMOTE_ADDR")
    )
    results = [_apply(kind, actor, index, row) for index, row in enumerate(rows, start=1)]
    refused = sum(1 for result in results if result["status"] == "refused")
    log.info(
        "order feed %s: %d rows, %d refused (token %s)", kind, len(rows), refused, token.public_id
    )
    return JsonResponse(
        {"received": len(rows), "applied": len(rows) - refused, "refused": refused, "rows": results}
    )
