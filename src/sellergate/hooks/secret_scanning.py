"""Leaked-key alerts in GitHub's secret-scanning partner format.

A scanner that finds ``sgk_…`` keys in public code POSTs a JSON array of
``{"token", "type", "url", "source"}``, signed with ECDSA-SHA256; the signature and the
id of the key that made it come in the ``Github-Public-Key-Signature`` and
``Github-Public-Key-Identifier`` headers. The public keys come from
SELLERGATE_SECRET_SCANNING_KEYS (an https URL or a file, in GitHub's
``{"public_keys": [{"key_identifier", "key"}]}`` form). A matching live key is revoked
at once; the answer labels each token ``true_positive`` or ``false_positive``.

Regex to register with the scanner for API keys: ``\\bsgk_[0-9A-Za-z]{50}\\b``.
"""

from __future__ import annotations

import base64
import json
import logging
import time
import urllib.request
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from sellergate.credentials.api_keys import api_key_report_leak

log = logging.getLogger(__name__)

MAX_BODY = 1_000_000
KEYS_TTL = 3600.0
_keys: dict[str, object] = {}
_keys_loaded_at = 0.0


def _load_keys() -> dict[str, object]:
    global _keys, _keys_loaded_at
    source = settings.GITHUB_KEYS_SOURCE
    if _keys and time.monotonic() - _keys_loaded_at < KEYS_TTL:
        return _keys
    if source.startswith("https://"):
        with urllib.request.urlopen(source, timeout=10) as response:  # noqa: S310 - https only
            document = json.load(response)
    else:
        document = json.loads(Path(source).read_text())
    _keys = {
        entry["key_identifier"]: serialization.load_pem_public_key(entry["key"].encode())
        for entry in document["public_keys"]
    }
    _keys_loaded_at = time.monotonic()
    return _keys


def _verified(body: bytes, key_id: str, signature_b64: str) -> bool:
    try:
        keys = _load_keys()
        if key_id not in keys:
            # Maybe rotated since we loaded: look once more.
            globals()["_keys_loaded_at"] = 0.0
            keys = _load_keys()
        public_key = keys.get(key_id)
        if not isinstance(public_key, ec.EllipticCurvePublicKey):
            return False
        public_key.verify(base64.b64decode(signature_b64), body, ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError, OSError, KeyError, TypeError) as error:
        log.warning("secret-scanning alert refused: %s", type(error).__name__)
        return False
    return True


@csrf_exempt
@require_POST
def alert(request: HttpRequest) -> HttpResponse:
    if not settings.GITHUB_KEYS_SOURCE:
        return JsonResponse({"error": "secret scanning is not configured"}, status=404)
    body = request.body
    if len(body) > MAX_BODY:
        return JsonResponse({"error": "body too large"}, status=413)
    key_id = request.headers.get("Github-Public-Key-Identifier", "")
    signature = request.headers.get("Github-Public-Key-Signature", "")
    if not key_id or not signature or not _verified(body, key_id, signature):
        return JsonResponse({"error": "signature verification failed"}, status=401)
    try:
        matches = json.loads(body)
        if not isinstance(matches, list):
            raise TypeError
        results = [
            {
                "token_raw": match["token"],
                "token_type": match.get("type", ""),
                "label": api_key_report_leak(
                    token=str(match["token"]),
                    url=str(match.get("url", "")),
                    source=str(match.get("source", "")),
                ),
            }
            for match in matches
        ]
    except (ValueError, TypeError, KeyError):
        return JsonResponse(
            {"error": "expected a JSON array of {token, type, url, source} objects"}, status=400
        )
    return JsonResponse(results, safe=False)
