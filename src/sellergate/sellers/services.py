"""The only write path for sellers and their standing records.

Each function runs in one transaction, locks what it changes, validates the model
(``full_clean``: bad values raise ``ValidationError`` naming the field and change
nothing), and writes one audit event. Upserts are keyed by the record's number, so
loading the same file or demo data twice changes nothing and audits nothing the second
time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar, cast

from django.db import models, transaction

from sellergate.audit.services import audit_record
from sellergate.audit.snapshots import changed, field_values
from sellergate.core.actors import Actor
from sellergate.sellers.models import (
    Claim,
    ClaimKind,
    CustomerQuestion,
    Order,
    ReviewStatus,
    Seller,
)

SELLER_FIELDS = (
    "login_id",
    "shop_name",
    "contact_email",
    "main_category",
    "review_status",
    "service_points",
)
SELLER_EDITABLE = frozenset(SELLER_FIELDS) - {"login_id"}
FEED_KEYS: dict[type[models.Model], str] = {
    Order: "order_no",
    CustomerQuestion: "question_no",
    Claim: "claim_no",
}
FEED_NOUNS: dict[type[models.Model], str] = {
    Order: "order",
    CustomerQuestion: "question",
    Claim: "claim",
}

M = TypeVar("M", bound=models.Model)


def seller_create(
    *,
    actor: Actor,
    login_id: str,
    shop_name: str,
    contact_email: str,
    main_category: str = "",
    review_status: str = ReviewStatus.PENDING,
    service_points: int = 0,
) -> Seller:
    seller = Seller(
        login_id=login_id,
        shop_name=shop_name,
        contact_email=contact_email,
        main_category=main_category,
        review_status=review_status,
        service_points=service_points,
    )
    seller.full_clean()
    with transaction.atomic():
        seller.save()
        audit_record(
            actor=actor,
            action="seller.create",
            obj=seller,
            seller=seller,
            after=field_values(seller, SELLER_FIELDS),
        )
    return seller


def seller_update(*, actor: Actor, seller: Seller, changes: dict[str, Any]) -> Seller:
    """Change the editable fields named in ``changes``; the login ID never changes."""
    unknown = set(changes) - SELLER_EDITABLE
    if unknown:
        raise ValueError(f"seller_update cannot change {', '.join(sorted(unknown))}")
    with transaction.atomic():
        locked = Seller.objects.select_for_update().get(pk=seller.pk)
        before = field_values(locked, SELLER_FIELDS)
        for name, value in changes.items():
            setattr(locked, name, value)
        locked.full_clean()
        after = field_values(locked, SELLER_FIELDS)
        if after != before:
            locked.save()
            old, new = changed(before, after)
            audit_record(
                actor=actor,
                action="seller.update",
                obj=locked,
                seller=locked,
                before=old,
                after=new,
            )
    return locked


def _record_upsert[M: (Order, CustomerQuestion, Claim)](
    model: type[M],
    *,
    actor: Actor,
    noun: str,
    seller: Seller,
    key: dict[str, str],
    values: dict[str, Any],
    fields: tuple[str, ...],
) -> M:
    with transaction.atomic():
        record = model.objects.select_for_update().of(seller).filter(**key).first()
        before = field_values(record, fields) if record is not None else None
        if record is None:
            record = model(seller=seller, **key)
        for name, value in values.items():
            setattr(record, name, value)
        record.full_clean()
        after = field_values(record, fields)
        if before != after:
            record.save()
            old, new = changed(before or {}, after)
            audit_record(
                actor=actor,
                action=f"{noun}.update" if before is not None else f"{noun}.create",
                obj=record,
                seller=seller,
                before=old if before is not None else None,
                after=new,
            )
    return record


def record_upsert(
    model: type[Order] | type[CustomerQuestion] | type[Claim],
    *,
    actor: Actor,
    seller: Seller,
    number: str,
    values: dict[str, Any],
) -> Order | CustomerQuestion | Claim:
    """Create or change one record of the marketplace's feed, keyed by its number; only
    the fields in ``values`` change (a feed row that leaves a field out keeps it)."""
    key_field = FEED_KEYS[model]
    record: Order | CustomerQuestion | Claim = _record_upsert(
        cast(Any, model),  # one of the three; the type variable cannot say "any of them"
        actor=actor,
        noun=FEED_NOUNS[model],
        seller=seller,
        key={key_field: number},
        values=values,
        fields=(key_field, *values),
    )
    return record


def order_upsert(
    *,
    actor: Actor,
    seller: Seller,
    order_no: str,
    ordered_at: dt.datetime,
    ship_by: dt.date,
    shipped_at: dt.datetime | None = None,
    cancelled_at: dt.datetime | None = None,
    **details: Any,
) -> Order:
    """``details``: any other Order field the order feed carries (item, receiver, …)."""
    return _record_upsert(
        Order,
        actor=actor,
        noun="order",
        seller=seller,
        key={"order_no": order_no},
        values={
            "ordered_at": ordered_at,
            "ship_by": ship_by,
            "shipped_at": shipped_at,
            "cancelled_at": cancelled_at,
            **details,
        },
        fields=("order_no", "ordered_at", "ship_by", "shipped_at", "cancelled_at", *details),
    )


def question_upsert(
    *,
    actor: Actor,
    seller: Seller,
    question_no: str,
    asked_at: dt.datetime,
    answered_at: dt.datetime | None = None,
    subject: str = "",
    **details: Any,
) -> CustomerQuestion:
    return _record_upsert(
        CustomerQuestion,
        actor=actor,
        noun="question",
        seller=seller,
        key={"question_no": question_no},
        values={"asked_at": asked_at, "answered_at": answered_at, "subject": subject, **details},
        fields=("question_no", "subject", "asked_at", "answered_at", *details),
    )


def claim_upsert(
    *,
    actor: Actor,
    seller: Seller,
    claim_no: str,
    opened_at: dt.datetime,
    resolved_at: dt.datetime | None = None,
    kind: str = ClaimKind.OTHER,
    order_no: str = "",
    **details: Any,
) -> Claim:
    return _record_upsert(
        Claim,
        actor=actor,
        noun="claim",
        seller=seller,
        key={"claim_no": claim_no},
        values={
            "opened_at": opened_at,
            "resolved_at": resolved_at,
            "kind": kind,
            "order_no": order_no,
            **details,
        },
        fields=("claim_no", "order_no", "kind", "opened_at", "resolved_at", *details),
    )
