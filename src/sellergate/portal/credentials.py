"""The seller's credentials: API keys (issued, shown once, rotated, revoked) and the FTP
information panel under 商品管理 > 商品の一括登録/修正 > 【FTP接続でアップロード】."""

from __future__ import annotations

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sellergate.access.models import AccessRequest, RequestKind
from sellergate.accounts.roles import seller_required
from sellergate.core import paths
from sellergate.core.actors import Actor
from sellergate.core.confirm import confirmation, confirmed
from sellergate.core.errors import Refusal
from sellergate.credentials import api_keys as key_services
from sellergate.credentials import ftp_accounts
from sellergate.credentials.models import ApiKey, FtpAccount, FtpStatus
from sellergate.ftpd.certificates import served_certificate
from sellergate.ftpd.quotas import limits, usage
from sellergate.portal.tenancy import current_seller
from sellergate.qapi.selectors import usage_by_key

GRACE_CHOICES = (0, 1, 24, 72, 168)
NONCE = "credential_form_nonce"


def _nonce(request: HttpRequest) -> str:
    """A one-time token per form, so reloading the page that shows a secret does not
    issue another one."""
    value = secrets.token_urlsafe(16)
    request.session[NONCE] = value
    return value


def _spend_nonce(request: HttpRequest) -> bool:
    expected = request.session.pop(NONCE, None)
    return expected is not None and secrets.compare_digest(expected, request.POST.get("nonce", ""))


def _show_secret_once(
    request: HttpRequest, template: str, context: dict[str, object]
) -> HttpResponse:
    response = render(request, template, context)
    add_never_cache_headers(response)  # not kept by the browser or any proxy
    return response


@seller_required
def api_keys(request: HttpRequest) -> HttpResponse:
    seller = current_seller(request)
    keys = list(ApiKey.objects.of(current_seller(request)).order_by("-created_at"))
    usage = usage_by_key(key.pk for key in keys)
    return render(
        request,
        "portal/api_keys.html",
        {
            "seller": seller,
            "granted": key_services.api_access_granted(seller),
            "keys": keys,
            "usage": [(key, usage[key.pk]) for key in keys if key.pk in usage],
            "nonce": _nonce(request),
            "grace_choices": GRACE_CHOICES,
            "default_grace": settings.API_KEY_DEFAULT_GRACE_HOURS,
        },
    )


@require_POST
@seller_required
def api_key_create(request: HttpRequest) -> HttpResponse:
    if not _spend_nonce(request):
        messages.info(request, _("That form was already sent; the key it made is in the list."))
        return redirect("portal:api_keys")
    networks = request.POST.get("allowed_networks", "").replace(",", "\n").splitlines()
    try:
        key, token = key_services.api_key_create(
            actor=Actor.from_request(request),
            seller=current_seller(request),
            name=request.POST.get("name", ""),
            allowed_networks=networks,
        )
    except Refusal as error:
        messages.error(request, error.text())
        return redirect("portal:api_keys")
    return _show_secret_once(request, "portal/api_key_created.html", {"key": key, "token": token})


@require_POST
@seller_required
def api_key_rotate(request: HttpRequest, pk: int) -> HttpResponse:
    key = get_object_or_404(ApiKey.objects.of(current_seller(request)), pk=pk)
    if not confirmed(request):
        return confirmation(
            request,
            base="portal/base.html",
            title=_("Rotate the key …%(last4)s?") % {"last4": key.last4},
            consequence=_(
                "A new key is made and shown once. The key …%(last4)s keeps working for the "
                "grace period you chose (%(hours)s hours), then stops: put the new key in "
                "every system that uses the old one before then."
            )
            % {"last4": key.last4, "hours": request.POST.get("grace_hours", "")},
            button=_("Rotate the key"),
            cancel_url=reverse("portal:api_keys"),
        )
    if not _spend_nonce(request):
        return redirect("portal:api_keys")
    try:
        grace = int(request.POST.get("grace_hours", settings.API_KEY_DEFAULT_GRACE_HOURS))
        new, token = key_services.api_key_rotate(
            actor=Actor.from_request(request), key=key, grace_hours=grace
        )
    except ValueError:
        messages.error(request, _("Choose a grace period."))
        return redirect("portal:api_keys")
    except Refusal as error:
        messages.error(request, error.text())
        return redirect("portal:api_keys")
    return _show_secret_once(
        request,
        "portal/api_key_created.html",
        {"key": new, "token": token, "rotated": key, "grace": grace},
    )


@require_POST
@seller_required
def api_key_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    key = get_object_or_404(ApiKey.objects.of(current_seller(request)), pk=pk)
    if not confirmed(request):
        return confirmation(
            request,
            base="portal/base.html",
            title=_("Revoke the key …%(last4)s?") % {"last4": key.last4},
            consequence=_(
                "The key …%(last4)s (%(name)s) stops working at once: every system that uses "
                "it is refused until it is given another key. This cannot be undone."
            )
            % {"last4": key.last4, "name": key.name},
            button=_("Revoke the key"),
            cancel_url=reverse("portal:api_keys"),
        )
    try:
        key_services.api_key_revoke(
            actor=Actor.from_request(request), key=key, reason="revoked by the seller"
        )
    except Refusal as error:
        messages.error(request, error.text())
    else:
        messages.success(request, _("The key was revoked; it stopped working at once."))
    return redirect("portal:api_keys")


# --- 商品管理 > 商品の一括登録/修正 > 【FTP接続でアップロード】 ---------------------------------


def _ftp_context(request: HttpRequest) -> dict[str, object]:
    seller = current_seller(request)
    account = (
        FtpAccount.objects.of(current_seller(request))
        .exclude(status=FtpStatus.CLOSED)
        .select_related("request")
        .first()
    )
    application = (
        AccessRequest.objects.of(current_seller(request))
        .filter(kind=RequestKind.FTP)
        .order_by("-received_at")
        .first()
    )
    used = quota = None
    if account is not None and account.home:
        used = usage(Path(account.home), paths.staging_folder(account.username))
        quota = limits(account.quota_bytes, account.quota_files)
    return {
        "seller": seller,
        "account": account,
        "used": used,
        "quota": quota,
        "application": application,
        "host": settings.FTP_PUBLIC_HOST,
        "port": settings.FTP_PORT,
        "tls": settings.FTP_TLS,
        "certificate": served_certificate(),
        "passive_ports": settings.FTP_PASSIVE_PORTS,
        "staging_hours": settings.FTP_STAGING_MAX_AGE_HOURS,
        "nonce": _nonce(request),
    }


@seller_required
def ftp_panel(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/ftp_panel.html", _ftp_context(request))


@require_POST
@seller_required
def ftp_password_reset(request: HttpRequest) -> HttpResponse:
    account = FtpAccount.objects.of(current_seller(request)).filter(status=FtpStatus.ACTIVE).first()
    if account is not None and account.password_set_at and not confirmed(request):
        # The first password replaces nothing; a new one locks out whoever uses the old.
        return confirmation(
            request,
            base="portal/base.html",
            title=_("Set a new FTP password?"),
            consequence=_(
                "The current FTP password of %(user)s stops working at once: every FTP client "
                "and system that uses it must be given the new one, which is shown once."
            )
            % {"user": account.username},
            button=_("Set a new password"),
            cancel_url=reverse("portal:ftp_panel"),
        )
    if account is None or not _spend_nonce(request):
        return redirect("portal:ftp_panel")
    try:
        password = ftp_accounts.ftp_password_reset(
            actor=Actor.from_request(request), account=account
        )
    except Refusal as error:
        messages.error(request, error.text())
        return redirect("portal:ftp_panel")
    context = _ftp_context(request)
    context["password"] = password
    return _show_secret_once(request, "portal/ftp_panel.html", context)
