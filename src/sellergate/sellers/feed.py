"""One row of the marketplace's feed of orders, questions and claims, as the CSV loader
(``load_standing``) and the operator's JSON feed (``hooks.order_feed``) both read it.

The columns are the models' own fields (``fields_for_model``: every length, choice and
number check of the model, in one place), the record's number and the seller's login ID
(``seller``) naming the record. Only the fields a row carries are applied: a row that
leaves a field out keeps it, and an empty value means "none" (a model default where
the field has one). A new record needs the fields marked required below.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _

from sellergate.core.actors import Actor
from sellergate.sellers import services
from sellergate.sellers.models import Claim, CustomerQuestion, Order, Seller


@dataclass(frozen=True)
class FeedKind:
    model: type[Order] | type[CustomerQuestion] | type[Claim]
    required: tuple[str, ...]  # what a new record needs besides its number

    @property
    def number(self) -> str:
        """The field that names a record (the services' own table of them)."""
        return services.FEED_KEYS[self.model]

    @property
    def fields(self) -> list[str]:
        skip = {"id", "seller"}
        return [f.name for f in self.model._meta.concrete_fields if f.name not in skip]

    @property
    def columns(self) -> list[str]:
        return ["seller", *self.fields]


FEED: dict[str, FeedKind] = {
    "orders": FeedKind(Order, ("ordered_at", "ship_by")),
    "questions": FeedKind(CustomerQuestion, ("asked_at",)),
    "claims": FeedKind(Claim, ("opened_at",)),
}


def _seller(login_id: str) -> Seller:
    seller = Seller.objects.filter(login_id=login_id).first()
    if seller is None:
        raise ValidationError(
            {
                "seller": ValidationError(
                    _("no seller with login ID '%(id)s'; load the sellers first"),
                    params={"id": login_id},
                )
            }
        )
    return seller


@functools.cache  # one class per kind: fields_for_model over ~90 fields is not per row
def row_form(kind: str) -> type[forms.Form]:
    """A form for one row of ``kind``: every field optional but the seller and number."""
    spec = FEED[kind]
    fields = fields_for_model(spec.model, fields=spec.fields)
    for name, field in fields.items():
        field.required = name == spec.number
    fields["seller"] = forms.CharField(max_length=50, help_text=_("The seller's login ID."))
    return type(f"{spec.model.__name__}FeedRow", (forms.Form,), dict(fields))


def validated(kind: str, row: Mapping[str, Any]) -> tuple[Seller, str, dict[str, Any]]:
    """(seller, number, values) of a row; ``ValidationError`` by field when it is bad."""
    spec = FEED[kind]
    form_class = row_form(kind)
    unknown = sorted(set(row) - set(spec.columns))
    if unknown:
        raise ValidationError({name: [_("Not a column of this feed.")] for name in unknown})
    form = form_class(data=dict(row))
    form.is_valid()
    errors: dict[str, list[ValidationError]] = dict(form.errors.as_data())
    data = form.cleaned_data
    for name, value in data.items():
        # The model's own validators (a form from fields_for_model runs only the form
        # field's), so a bad number is named with the other bad columns.
        if name != "seller" and name in row and value not in (None, ""):
            try:
                spec.model._meta.get_field(name).run_validators(value)  # type: ignore[union-attr]
            except ValidationError as error:
                errors.setdefault(name, []).extend(error.error_list)
    if errors:
        raise ValidationError(errors)
    values = {}
    for name in row:
        if name in ("seller", spec.number):
            continue
        value = data[name]
        field = spec.model._meta.get_field(name)
        if value in (None, "") and isinstance(field, models.Field) and field.has_default():
            value = field.get_default()
        values[name] = value
    return _seller(data["seller"]), data[spec.number], values


def errors_by_column(
    error: ValidationError, row_key: str = NON_FIELD_ERRORS
) -> dict[str, list[str]]:
    """A row's refusal as messages by column (a refusal of the whole row under
    ``row_key``), for the CSV loader's lines and the JSON feed's answer."""
    if hasattr(error, "error_dict"):
        return error.message_dict
    return {row_key: error.messages}


def apply(kind: str, actor: Actor, row: Mapping[str, Any]) -> Order | CustomerQuestion | Claim:
    """Validate and apply one row (raises ``ValidationError`` naming the fields)."""
    spec = FEED[kind]
    seller, number, values = validated(kind, row)
    exists = spec.model.objects.of(seller).filter(**{spec.number: number}).exists()
    missing = [name for name in spec.required if not exists and values.get(name) is None]
    if missing:
        raise ValidationError(
            {name: [_("Required for a new record.")] for name in missing}, code="required"
        )
    return services.record_upsert(
        spec.model, actor=actor, seller=seller, number=number, values=values
    )
