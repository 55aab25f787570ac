"""Log-in forms of the two faces: each admits only its own role."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class SellerLoginForm(AuthenticationForm):
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


class OperatorLoginForm(AuthenticationForm):
    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        if not user.is_operator:
            raise forms.ValidationError(
                _("This log-in is for operators. Sellers log in at the seller center (/seller/)."),
                code="not_operator",
            )
