"""Log-in forms of the two faces: each admits only its own role."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ThrottledLoginForm(AuthenticationForm):
    """Says that the log-in is locked for a while, instead of "wrong password"."""

    def get_invalid_login_error(self) -> forms.ValidationError:
        until = getattr(self.request, "login_locked_until", None)
        if until is None:
            # Django's says 「ユーザー名」 (the model's word); the field says ユーザーID.
            return forms.ValidationError(
                _("Enter a correct user ID and password. Both are case-sensitive."),
                code="invalid_login",
            )
        return forms.ValidationError(
            _(
                "Too many failed log-ins: log-in is locked until %(when)s (Japan time). Try "
                "again then, or ask the desk to lift the lock."
            ),
            code="locked",
            params={"when": f"{timezone.localtime(until):%Y-%m-%d %H:%M}"},
        )


class SellerLoginForm(ThrottledLoginForm):
    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        if not user.is_seller_user:
            raise forms.ValidationError(
                _(
                    "This log-in is for sellers' users. Operators log in at the operator "
                    "desk (/desk/)."
                ),
                code="not_seller",
            )


class OperatorLoginForm(ThrottledLoginForm):
    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        if not user.is_operator:
            raise forms.ValidationError(
                _("This log-in is for operators. Sellers log in at the seller center (/seller/)."),
                code="not_operator",
            )
