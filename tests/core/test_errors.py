"""One root for every domain's refusals, each with a stable code and a message."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sellergate.access.errors import ConditionsNotMet, NotABusinessDay, RequestStateError
from sellergate.bulk.reader import FileRejected
from sellergate.businessdays.calendar import CalendarError
from sellergate.catalog.errors import CatalogError
from sellergate.core.errors import FieldError, Refusal, TranslatableError, refusal_messages
from sellergate.credentials.errors import CredentialError, KeyRejected
from sellergate.sellers.csv_import import ImportError_


@pytest.mark.parametrize(
    ("refusal", "code"),
    [
        (RequestStateError("decided"), "state"),
        (NotABusinessDay("Saturday"), "not_a_business_day"),
        (ConditionsNotMet("late"), "conditions_not_met"),
        (CredentialError("no"), "credential"),
        (CredentialError("wrong", failed_login=True), "failed_login"),
        (KeyRejected("expired"), "expired"),
        (FieldError("price", "too low", code="invalid"), "invalid"),
        (CatalogError("item_code", "no such item", code="not_found"), "not_found"),
        (CalendarError("2101"), "calendar"),
        (ImportError_(["row 2: bad"]), "import"),
        (FileRejected("not a workbook"), "invalid"),
    ],
)
def test_every_domain_refusal_is_a_refusal_with_a_stable_code(refusal, code) -> None:
    assert isinstance(refusal, Refusal)
    assert refusal.code == code
    assert refusal.text()


def test_a_field_refusal_names_its_field() -> None:
    refusal = CatalogError("sell_price", "must be at least 10", code="invalid")
    assert refusal.field == "sell_price"
    assert str(refusal) == "sell_price: must be at least 10"


def test_a_lazy_message_is_worded_when_shown_in_the_language_active_then() -> None:
    from django.utils.translation import gettext_lazy

    refusal = TranslatableError(gettext_lazy("Give a reason."))
    with translation.override("ja"):
        japanese = refusal.text()
    with translation.override("en"):
        english = refusal.text()
    assert english == "Give a reason."
    assert japanese != english


def test_pages_show_a_refusal_or_each_validation_message() -> None:
    assert refusal_messages(RequestStateError("Decided already.")) == ["Decided already."]
    assert refusal_messages(ValidationError({"purpose": ["a"], "integrator_name": ["b"]})) == [
        "a",
        "b",
    ]
