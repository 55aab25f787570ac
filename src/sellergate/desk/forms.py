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


#: Reasons the desk gives often, in the seller's words; the operator may add to one.
CANNED_REASONS = {
    "purpose": _(
        "The purpose of use is not clear enough: say what the integration will do with the "
        "API or the FTP drop (which data, how often, for which shop operations)."
    ),
    "integrator": _(
        "The integrating company could not be confirmed: give its registered name and a "
        "contact person."
    ),
    "conditions": _(
        "A condition for using the API and FTP is not met: see the conditions on the seller "
        "center's home page, and apply again once they are all met."
    ),
    "duplicate": _(
        "The same permission is already granted to your shop: use the one you have, or "
        "withdraw it first."
    ),
}


class RejectForm(forms.Form):
    canned = forms.ChoiceField(
        label=_("Common reason"),
        required=False,
        choices=[("", "—"), *CANNED_REASONS.items()],
        help_text=_("Chosen, it comes first in the reason; write below anything to add."),
    )
    reason = forms.CharField(
        label=_("Reason (the seller reads it)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )

    @staticmethod
    def composed(canned: str, reason: str) -> str:
        """The reason the seller reads: the common one chosen, then what was written."""
        parts = [str(CANNED_REASONS[canned])] if canned in CANNED_REASONS else []
        if reason.strip():
            parts.append(reason.strip())
        return "\n".join(parts)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        reason = self.composed(data.get("canned", ""), data.get("reason", ""))
        if not reason:
            self.add_error("reason", _("Give the reason, or choose a common one."))
        data["reason"] = reason
        return data


class AskForm(forms.Form):
    message = forms.CharField(
        label=_("Question to the seller"), widget=forms.Textarea(attrs={"rows": 3})
    )
