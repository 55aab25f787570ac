"""The desk's hand on credentials: revoke a key, suspend or reactivate an FTP account,
suspend or resume a seller's credentials, and run the standing check now."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sellergate.accounts.roles import operator_required
from sellergate.core.actors import Actor
from sellergate.core.confirm import confirmation, confirmed
from sellergate.core.errors import Refusal
from sellergate.credentials import api_keys, ftp_accounts, suspension
from sellergate.credentials.models import ApiKey, FtpAccount
from sellergate.credentials.standing import standing_enforce
from sellergate.sellers.models import Seller


@dataclass(frozen=True)
class Ask:
    """What the confirmation page of an action says (``core.confirm``)."""

    title: str
    consequence: str
    button: str


def _do(
    request: HttpRequest,
    login_id: str,
    act: Callable[[Actor, str], object],
    done: str,
    ask: Ask | None = None,
) -> HttpResponse:
    if ask is not None and not confirmed(request):
        return confirmation(
            request,
            base="desk/base.html",
            title=ask.title,
            consequence=ask.consequence,
            button=ask.button,
            cancel_url=reverse("desk:seller_detail", args=[login_id]),
            reason_label=_("Reason (kept in the audit log)"),
        )
    reason = request.POST.get("reason", "").strip()
    if not reason:
        messages.error(request, _("Give a reason."))
    else:
        try:
            act(Actor.from_request(request), reason)
        except Refusal as error:
            messages.error(request, error.text())
        else:
            messages.success(request, done)
    return redirect("desk:seller_detail", login_id)


@require_POST
@operator_required
def key_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    key = get_object_or_404(ApiKey.objects.select_related("seller"), pk=pk)
    return _do(
        request,
        key.seller.login_id,
        lambda actor, reason: api_keys.api_key_revoke(actor=actor, key=key, reason=reason),
        _("The key was revoked; it stopped working at once."),
        Ask(
            _("Revoke the key …%(last4)s?") % {"last4": key.last4},
            _(
                "The key …%(last4)s of %(shop)s stops working at once: every system that uses "
                "it is refused. This cannot be undone; the seller must issue a new key."
            )
            % {"last4": key.last4, "shop": key.seller.shop_name},
            _("Revoke the key"),
        ),
    )


@require_POST
@operator_required
def ftp_suspend(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(FtpAccount.objects.select_related("seller"), pk=pk)
    return _do(
        request,
        account.seller.login_id,
        lambda actor, reason: ftp_accounts.ftp_account_suspend(
            actor=actor, account=account, reason=reason
        ),
        _("The FTP account was suspended."),
        Ask(
            _("Suspend the FTP account %(user)s?") % {"user": account.username},
            _(
                "The FTP account %(user)s of %(shop)s is refused at once, open sessions "
                "included, until it is reactivated."
            )
            % {"user": account.username, "shop": account.seller.shop_name},
            _("Suspend the account"),
        ),
    )


@require_POST
@operator_required
def ftp_reactivate(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(FtpAccount.objects.select_related("seller"), pk=pk)
    return _do(
        request,
        account.seller.login_id,
        lambda actor, reason: ftp_accounts.ftp_account_reactivate(
            actor=actor, account=account, reason=reason
        ),
        _("The FTP account was reactivated."),
    )


@require_POST
@operator_required
def seller_suspend(request: HttpRequest, login_id: str) -> HttpResponse:
    seller = get_object_or_404(Seller, login_id=login_id)
    return _do(
        request,
        login_id,
        lambda actor, reason: suspension.credentials_suspend(
            actor=actor, seller=seller, reason=reason
        ),
        _("The seller's credentials were suspended."),
        Ask(
            _("Suspend every credential of %(shop)s?") % {"shop": seller.shop_name},
            _(
                "Every API key and the FTP account of %(shop)s stop working at once, open FTP "
                "sessions and queued files included, until the credentials are resumed."
            )
            % {"shop": seller.shop_name},
            _("Suspend all credentials"),
        ),
    )


@require_POST
@operator_required
def seller_resume(request: HttpRequest, login_id: str) -> HttpResponse:
    seller = get_object_or_404(Seller, login_id=login_id)
    return _do(
        request,
        login_id,
        lambda actor, reason: suspension.credentials_resume(
            actor=actor, seller=seller, reason=reason
        ),
        _("The seller's credentials work again."),
    )


@require_POST
@operator_required
def standing_check_now(request: HttpRequest) -> HttpResponse:
    report = standing_enforce()
    messages.success(
        request,
        _(
            "Standing check done over the %(checked)d sellers with credentials: %(warned)d "
            "warned, %(suspended)d suspended, %(resumed)d resumed. Sellers without credentials "
            "are not checked: they have nothing to suspend (the seller list shows their "
            "standing)."
        )
        % {
            "checked": report.checked,
            "warned": len(report.warned),
            "suspended": len(report.suspended),
            "resumed": len(report.resumed),
        },
    )
    return redirect("desk:seller_list")
