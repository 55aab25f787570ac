from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sellergate.access.models import RequestKind, RequestStatus


class QueueFilter(forms.Form):
    DUE_CHOICES = [
        ("", _("Any due date")),
        ("overdue", _("Overdue")),
        ("today", _("Due today")),
        ("later", _("Due later")),
    ]
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *RequestKind.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("open", _("Waiting for the desk")), ("", _("All")), *RequestStatus.choices],
        required=False,
    )
    due = forms.ChoiceField(label=_("Due"), choices=DUE_CHOICES, required=False)
    seller = forms.CharField(label=_("Seller ID"), required=False)


class ApproveForm(forms.Form):
    override_reason = forms.CharField(
        label=_("Reason for overriding the conditions"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Only when a condition fails, and only with the override permission."),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (the seller reads it)"), widget=forms.Textarea(attrs={"rows": 6})
    )


class AskForm(forms.Form):
    message = forms.CharField(
        label=_("Question to the seller"), widget=forms.Textarea(attrs={"rows": 3})
    )
