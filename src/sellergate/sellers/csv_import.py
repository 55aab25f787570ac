"""Loading sellers and their standing records from CSV files, all or nothing.

Each kind of file has its columns (the header row names them, in any order) and a
Django form that validates one row. Every row is checked before anything is written;
a file with any bad row changes nothing and every problem is reported with its line,
column and how to fix it. A good file is applied in one transaction through the
services, keyed by number, so loading it twice changes nothing the second time.

Files saved by Japanese spreadsheets are often Shift_JIS (CP932): UTF-8 (with or
without BOM) is tried first, CP932 second.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction

from sellergate.core.actors import Actor
from sellergate.core.errors import Refusal
from sellergate.sellers import services
from sellergate.sellers.models import ClaimKind, ReviewStatus, Seller, login_id_validator


class ImportError_(Refusal, ValueError):
    """The file cannot be loaded; ``problems`` lists every reason, one line each."""

    default_code = "import"

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class SellerRow(forms.Form):
    login_id = forms.CharField(max_length=50, validators=[login_id_validator])
    shop_name = forms.CharField(max_length=100)
    contact_email = forms.EmailField()
    main_category = forms.CharField(max_length=100, required=False)
    review_status = forms.ChoiceField(choices=ReviewStatus.choices)
    service_points = forms.IntegerField()


class SellerRecordRow(forms.Form):
    seller = forms.CharField(max_length=50, help_text="the seller's login ID")

    def clean_seller(self) -> Seller:
        login_id = self.cleaned_data["seller"]
        seller = Seller.objects.filter(login_id=login_id).first()
        if seller is None:
            raise ValidationError(f"no seller with login ID {login_id!r}; load the sellers first")
        return seller


class OrderRow(SellerRecordRow):
    order_no = forms.CharField(max_length=30)
    ordered_at = forms.DateTimeField()
    ship_by = forms.DateField()
    shipped_at = forms.DateTimeField(required=False)
    cancelled_at = forms.DateTimeField(required=False)


class QuestionRow(SellerRecordRow):
    question_no = forms.CharField(max_length=30)
    subject = forms.CharField(max_length=200, required=False)
    asked_at = forms.DateTimeField()
    answered_at = forms.DateTimeField(required=False)


class ClaimRow(SellerRecordRow):
    claim_no = forms.CharField(max_length=30)
    order_no = forms.CharField(max_length=30, required=False)
    kind = forms.ChoiceField(choices=ClaimKind.choices)
    opened_at = forms.DateTimeField()
    resolved_at = forms.DateTimeField(required=False)


def _apply_seller(actor: Actor, data: dict[str, Any]) -> None:
    seller = Seller.objects.filter(login_id=data["login_id"]).first()
    if seller is None:
        services.seller_create(actor=actor, **data)
    else:
        changes = {key: value for key, value in data.items() if key != "login_id"}
        services.seller_update(actor=actor, seller=seller, changes=changes)


@dataclass(frozen=True)
class Kind:
    form: type[forms.Form]
    apply: Callable[[Actor, dict[str, Any]], Any]

    @property
    def columns(self) -> list[str]:
        return list(self.form.base_fields)

    @property
    def required(self) -> list[str]:
        return [name for name, field in self.form.base_fields.items() if field.required]


KINDS: dict[str, Kind] = {
    "sellers": Kind(SellerRow, _apply_seller),
    "orders": Kind(OrderRow, lambda actor, data: services.order_upsert(actor=actor, **data)),
    "questions": Kind(
        QuestionRow, lambda actor, data: services.question_upsert(actor=actor, **data)
    ),
    "claims": Kind(ClaimRow, lambda actor, data: services.claim_upsert(actor=actor, **data)),
}


def _decode(raw: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportError_([f"{name}: the file is neither UTF-8 nor Shift_JIS (CP932) text."])


def _rows(text: str) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    for row in reader:
        yield reader.line_num, row


def load_csv(path: Path, *, kind: str, actor: Actor) -> int:
    """Validate every row of ``path``, then apply them all; returns the number of rows.

    Raises ``ImportError_`` listing every problem, having changed nothing.
    """
    spec = KINDS[kind]
    name = path.name
    text = _decode(path.read_bytes(), name)
    header = next(csv.reader(io.StringIO(text)), [])
    header = [column.strip() for column in header]
    missing = [column for column in spec.required if column not in header]
    unknown = [column for column in header if column not in spec.columns]
    if missing or unknown:
        problems = []
        if missing:
            problems.append(f"{name}: missing required columns: {', '.join(missing)}.")
        if unknown:
            problems.append(f"{name}: unknown columns: {', '.join(unknown)}.")
        problems.append(f"{name}: the columns of a {kind} file are: {', '.join(spec.columns)}.")
        raise ImportError_(problems)

    valid: list[dict[str, Any]] = []
    problems = []
    for line, row in _rows(text):
        form = spec.form(
            data={key.strip(): (value or "").strip() for key, value in row.items() if key}
        )
        if form.is_valid():
            valid.append(form.cleaned_data)
            continue
        for column, errors in form.errors.items():
            where = f"column {column}" if column != "__all__" else "row"
            value = row.get(column, "")
            for error in errors:
                problems.append(f"{name} line {line}, {where} (value {value!r}): {error}")
    if not valid and not problems:
        problems.append(f"{name}: the file has a header but no rows.")
    if problems:
        raise ImportError_(problems)

    try:
        with transaction.atomic():
            for data in valid:
                spec.apply(actor, data)
    except ValidationError as error:
        raise ImportError_([f"{name}: {message}" for message in error.messages]) from error
    return len(valid)
