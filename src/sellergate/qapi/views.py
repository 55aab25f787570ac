"""The marketplace API endpoint: both calling styles, both return types, one dispatcher.

Query style: ``…/ebayjapan.qapi?method=Class.Method&key=…&v=1.0&returnType=json&…``
(GET, or the same fields in a POST body). Path + header style: ``POST
…/ebayjapan.qapi/Class.Method`` with headers ``GiosisCertificationKey`` and
``QAPIVersion``. Clients that mix the two are served too: path beats ``method``,
header beats ``key``/``v``. Parameter and method names are matched without case.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from sellergate.accounts.models import User
from sellergate.core.actors import Actor
from sellergate.core.errors import Refusal
from sellergate.core.metrics import API_CALLS
from sellergate.credentials import tokens
from sellergate.credentials.errors import KeyRejected
from sellergate.credentials.verification import verify_api_key, verify_seller_auth_key
from sellergate.qapi import envelope, ratelimit, usage
from sellergate.qapi import reference as docs
from sellergate.qapi.codes import KEY_REJECTIONS, TABLE, ApiError, Error, Result, refusal_result
from sellergate.qapi.params import ParamError, parse
from sellergate.qapi.registry import METHODS, SERVICES, Call, Method, accepts_version
from sellergate.sellers.models import Seller

log = logging.getLogger("sellergate.api")


class Refused(Exception):
    """Refused before the method ran: answered in the ErrorCode envelope."""

    def __init__(self, code: Error, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


#: What the QAPI is called with (HEAD is a GET without the body).
HTTP_METHODS = {"GET", "POST", "HEAD"}


def _query(request: HttpRequest) -> dict[str, str]:
    """The query string by lower-cased name, each name's last value (as QueryDict[...])."""
    return {key.lower(): request.GET[key] for key in request.GET}


def _given(request: HttpRequest, query: dict[str, str]) -> dict[str, str]:
    """``query`` and, for a POST, the form fields over it."""
    if request.method not in HTTP_METHODS:
        raise Refused(
            Error.BAD_HTTP_METHOD,
            _("%(verb)s is not how the API is called: use GET or POST.")
            % {"verb": (request.method or "")[:10]},
        )
    given = dict(query)
    if request.method == "POST":
        _check_body(request)
        try:
            given.update({key.lower(): request.POST[key] for key in request.POST})
        except (RequestDataTooBig, TooManyFieldsSent):
            raise Refused(Error.BAD_BODY, _too_large(settings.API_MAX_BODY_BYTES)) from None
    return given


def _check_body(request: HttpRequest) -> None:
    """Before a byte of the body is read (and before the key is checked): the QAPI is
    form-encoded, so a multipart body — which Django would spool to disk — is refused,
    and so is a body whose declared length is over the limit."""
    if (request.content_type or "").startswith("multipart/"):
        raise Refused(
            Error.BAD_BODY,
            _(
                "The API takes form fields (application/x-www-form-urlencoded) or query "
                "parameters, not a multipart body: send the same fields form-encoded."
            ),
        )
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > settings.API_MAX_BODY_BYTES:
        raise Refused(Error.BAD_BODY, _too_large(settings.API_MAX_BODY_BYTES))


def _too_large(limit: int) -> str:
    return _(
        "The request body is larger than %(limit)d bytes or has too many fields: send fewer "
        "rows per call."
    ) % {"limit": limit}


def _language(given: dict[str, str]) -> str:
    """API messages are Japanese unless the caller asks otherwise (lang=en), whatever the
    web UI's language cookie says."""
    return "en" if given.get("lang", "").lower().startswith("en") else "ja"


#: How much of an unknown name the refusal repeats.
ECHOED = 100


def _route(name: str) -> Method:
    service, _dot, method_name = name.strip().partition(".")
    if service.lower() not in SERVICES:
        raise Refused(Error.UNKNOWN_SERVICE, f"Can't find service Name {service[:ECHOED]}")
    entry = METHODS.get(name.strip().lower())
    if entry is None:
        raise Refused(Error.UNKNOWN_METHOD, f"Can't find method Info {method_name[:ECHOED]}")
    return entry


def _key_refusal(rejected: KeyRejected) -> Refused:
    code = KEY_REJECTIONS[rejected.reason]
    messages = {
        Error.INVALID_KEY: _("The certification key is not valid."),
        Error.KEY_REVOKED: _("The certification key was revoked."),
        Error.KEY_EXPIRED: _("The certification key has expired."),
        Error.SELLER_SUSPENDED: _("API access of this seller is suspended."),
        Error.ADDRESS_NOT_ALLOWED: _("This address may not use the certification key."),
        Error.SAK_PASSWORD_CHANGED: _(
            "The password changed since this seller authorization key was issued; issue a new one."
        ),
    }
    return Refused(code, messages[code])


def _authenticate(entry: Method, token: str, address: str | None) -> tuple[int, int, Any]:
    """(API key id, seller id, user or None) for the key the method takes."""
    if not token:
        raise Refused(
            Error.KEY_MISSING,
            _("No certification key: send the GiosisCertificationKey header or key."),
        )
    try:
        if entry.key == "api_key":
            api_key = verify_api_key(token, source_address=address)
            return api_key.key_id, api_key.seller_id, None
        if token.strip().startswith(tokens.API_KEY_PREFIX):
            raise Refused(
                Error.SAK_REQUIRED,
                _(
                    "%(method)s takes a seller authorization key: get one with "
                    "CertificationAPI.CreateCertificationKey."
                )
                % {"method": entry.name},
            )
        sak = verify_seller_auth_key(token, source_address=address)
        return sak.api_key_id, sak.seller_id, sak.user_id
    except KeyRejected as rejected:
        raise _key_refusal(rejected) from None


def _run(entry: Method, call: Call) -> dict[str, Any]:
    try:
        if entry.writes:
            with transaction.atomic():  # a refusal half-way leaves nothing written
                obj = entry.handler(call)
        else:
            obj = entry.handler(call)
    except Refusal as refusal:
        return envelope.result(*refusal_result(refusal, entry.field_params))
    except ApiError as refusal:
        if refusal.after_rollback is not None:
            refusal.after_rollback()  # the call's own writes are undone by now
        return envelope.result(refusal.code, refusal.message)
    return envelope.result(Result.SUCCESS, entry.success_message, obj)


@csrf_exempt
def qapi(request: HttpRequest, method_name: str = "") -> HttpResponse:
    started = time.perf_counter()
    query = _query(request)
    try:
        # Refused before the body is read: the language is the query string's.
        with translation.override(_language(query)):
            given = _given(request, query)
    except Refused as refused:  # the body: answered in the envelope, nothing else done
        return _refuse_body(request, refused, query)
    kind = envelope.return_type(given.get("returntype", ""))
    address = request.META.get("REMOTE_ADDR")
    name = method_name or given.get("method", "")
    key_id = seller_id = None
    routed = "unknown"  # the metric's label: a registered name, never what the caller wrote
    code: int = Error.INTERNAL
    with translation.override(_language(given)):
        try:
            entry = _route(name)
            routed = entry.name
            if entry.xml_only:
                kind = envelope.XML
            token = request.headers.get("GiosisCertificationKey") or given.get("key", "")
            version = request.headers.get("QAPIVersion") or given.get("v", "")
            key_id, seller_id, user_id = _authenticate(entry, token, address)
            if not ratelimit.allow(key_id, seller_id):
                raise Refused(
                    Error.RATE_LIMITED, _("Too many calls with this key; wait and call again.")
                )
            if not accepts_version(entry, version):
                raise Refused(
                    Error.UNSUPPORTED_VERSION,
                    _(
                        "%(version)s is not a version %(method)s answers: send 1.x (the "
                        "guide lists %(versions)s), or no version."
                    )
                    % {
                        "method": entry.name,
                        "version": version[:20],
                        "versions": ", ".join(entry.versions),
                    },
                )
            try:
                params = parse(entry.params, given)
            except ParamError as error:
                body = envelope.result(error.code, error.message)
            else:
                call = Call(
                    seller=_seller(entry, seller_id),
                    actor=_actor(user_id, entry, address),
                    params=params,
                    key=token,
                    source_address=address,
                    method=entry,
                )
                body = _run(entry, call)
            code = body["ResultCode"]
        except Refused as refused:
            body = envelope.error(refused.code, refused.message)
            code = refused.code
        except Exception:
            log.exception("API call %s failed", name[:80])
            body = envelope.error(Error.INTERNAL, _("An error on our side; call again later."))
    if key_id is not None:
        usage.count(key_id, name.strip()[:80] or "-", code)
    API_CALLS.labels(method=routed, code=str(code)).inc()
    ms = (time.perf_counter() - started) * 1000
    log.info(
        "api call method=%s code=%s seller=%s key=%s ms=%.1f from=%s",
        name[:80] or "-",
        code,
        seller_id or "-",
        key_id or "-",
        ms,
        address,
        # The same as fields, for JSON logs; key IDs only, never a key.
        extra={
            "event": "api_call",
            "method": name[:80] or "-",
            "code": code,
            "seller_id": seller_id,
            "key_id": key_id,
            "ms": round(ms, 1),
            "from": address,
        },
    )
    return envelope.render(body, kind)


def _refuse_body(request: HttpRequest, refused: Refused, query: dict[str, str]) -> HttpResponse:
    with translation.override(_language(query)):
        body = envelope.error(refused.code, str(refused.message))
    API_CALLS.labels(method="unknown", code=str(refused.code)).inc()
    log.info(
        "api call refused before reading the body: %s from=%s",
        refused.code,
        request.META.get("REMOTE_ADDR"),
        extra={"event": "api_call", "code": refused.code, "from": request.META.get("REMOTE_ADDR")},
    )
    return envelope.render(body, envelope.return_type(query.get("returntype", "")))


def _seller(entry: Method, seller_id: int) -> Seller | None:
    if entry.key != "sak":
        return None
    if not entry.writes:
        # Lookups only filter by seller: its primary key is all they need, no query.
        return Seller(pk=seller_id)
    return Seller.objects.get(pk=seller_id)


def _actor(user_id: int | None, entry: Method, address: str | None) -> Actor:
    if user_id is None or not entry.writes:
        return Actor(user=None, label=f"api:{entry.name}", source_address=address)
    user = User.objects.get(pk=user_id)
    return Actor(user=user, label=f"{user.get_username()} via API", source_address=address)


def reference(request: HttpRequest) -> HttpResponse:
    """The API reference page, in the UI language (Japanese unless switched), with its
    examples on the address it is served from (the host is one ALLOWED_HOSTS admits)."""
    base_url = request.build_absolute_uri("/").rstrip("/")
    return render(
        request,
        "qapi/reference.html",
        {
            "base_url": base_url,
            "endpoint": docs.ENDPOINT,
            "alias": "/GMKT.INC.Front.QAPIService/Giosis.qapi",
            "codes": TABLE,
            "methods": docs.methods_for_docs(base_url),
            "sak_days": settings.SAK_LIFETIME_DAYS,
            "rate": settings.API_RATE_PER_SECOND,
            "burst": settings.API_RATE_BURST,
        },
    )


def openapi(request: HttpRequest) -> HttpResponse:
    return JsonResponse(
        docs.openapi(request.build_absolute_uri("/").rstrip("/")),
        json_dumps_params={"ensure_ascii": False},
    )
