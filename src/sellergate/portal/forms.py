"""The seller's forms: the guide's API key request form and the FTP application."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sellergate.access.validators import PURPOSE_HELP, validate_integrator, validate_purpose


class RequestFields(forms.Form):
    purpose = forms.CharField(
        label=_("Purpose of use"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=PURPOSE_HELP,
        # Not "required": validate_purpose (in clean_purpose) refuses empty text with a
        # message that says what a clear purpose contains, as the service does.
        required=False,
    )
    integrator_name = forms.CharField(
        label=_("Integrating company"),
        max_length=100,
        help_text=_(
            "The company whose system uses the access; 「自社開発」 for your own development."
        ),
        required=False,
    )

    def clean_purpose(self) -> str:
        value = self.cleaned_data.get("purpose", "")
        validate_purpose(value)
        return value

    def clean_integrator_name(self) -> str:
        value = self.cleaned_data.get("integrator_name", "")
        validate_integrator(value, self.fields["integrator_name"].label)
        return value


class ApiKeyRequestForm(RequestFields):
    """販売店ID, メールアドレス, 商品カテゴリ, API利用目的, API連動会社名 — the guide's form."""

    login_id = forms.CharField(label=_("Seller ID"), disabled=True, required=False)
    contact_email = forms.EmailField(label=_("E-mail address"))
    product_category = forms.CharField(label=_("Product category"), max_length=100)

    field_order = ["login_id", "contact_email", "product_category", "purpose", "integrator_name"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["purpose"].label = _("Purpose of API use")
        self.fields["integrator_name"].label = _("API integration company")


class FtpApplicationForm(RequestFields):
    """FTP接続権限: the confirmation items and the remarks, beside the guidance."""

    remarks = forms.CharField(
        label=_("Remarks"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
    guidance_read = forms.BooleanField(
        label=_("I have read the guidance and the conditions above."),
        error_messages={
            "required": _("Read the guidance beside the remarks field and confirm it.")
        },
    )

    field_order = ["purpose", "integrator_name", "remarks", "guidance_read"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["integrator_name"].label = _("Integrating client (company)")


class MessageForm(forms.Form):
    message = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
