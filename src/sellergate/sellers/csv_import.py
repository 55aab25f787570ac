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
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

from sellergate.core.actors import Actor
from sellergate.core.errors import Refusal
from sellergate.sellers import feed
from sellergate.sellers.models import ReviewStatus, Seller, login_id_validator
from sellergate.sellers.services import seller_create, seller_update


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


def _apply_seller(actor: Actor, data: dict[str, Any]) -> None:
    seller = Seller.objects.filter(login_id=data["login_id"]).first()
    if seller is None:
        seller_create(actor=actor, **data)
    else:
        changes = {key: value for key, value in data.items() if key != "login_id"}
        seller_update(actor=actor, seller=seller, changes=changes)


def _seller_row(actor: Actor, row: dict[str, str]) -> None:
    form = SellerRow(data=row)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    _apply_seller(actor, form.cleaned_data)


@dataclass(frozen=True)
class Kind:
    columns: list[str]
    required: list[str]
    apply: Callable[[Actor, dict[str, str]], Any]


def _feed_kind(name: str) -> Kind:
    spec = feed.FEED[name]
    return Kind(
        columns=spec.columns,
        required=["seller", spec.number, *spec.required],
        apply=lambda actor, row: feed.apply(name, actor, row),
    )


KINDS: dict[str, Kind] = {
    "sellers": Kind(list(SellerRow.base_fields), list(SellerRow.base_fields), _seller_row),
    **{name: _feed_kind(name) for name in feed.FEED},
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
    """Validate and apply every row of ``path``; returns the number of rows.

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

    problems = []
    count = 0
    with transaction.atomic():  # all or nothing: any problem undoes every row
        for line, row in _rows(text):
            data = {key.strip(): (value or "").strip() for key, value in row.items() if key}
            try:
                with transaction.atomic():
                    spec.apply(actor, data)
                count += 1
            except ValidationError as error:
                problems.extend(_problems(name, line, data, error))
        if not count and not problems:
            problems.append(f"{name}: the file has a header but no rows.")
        if problems:
            raise ImportError_(problems)
    return count


def _problems(name: str, line: int, row: dict[str, str], error: ValidationError) -> list[str]:
    found = []
    for column, messages in feed.errors_by_column(error).items():
        where = f"column {column}" if column != NON_FIELD_ERRORS else "row"
        value = row.get(column, "")
        for message in messages:
            found.append(f"{name} line {line}, {where} (value {value!r}): {message}")
    return found
