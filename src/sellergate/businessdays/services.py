"""Adding and removing the operator's closure days."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from sellergate.audit.services import audit_record
from sellergate.businessdays.models import ClosureDay
from sellergate.core.actors import Actor


def closure_add(*, actor: Actor, date: dt.date, name: str) -> ClosureDay:
    closure = ClosureDay(date=date, name=name)
    closure.full_clean()
    with transaction.atomic():
        closure.save()
        audit_record(
            actor=actor,
            action="closure.add",
            obj=closure,
            after={"date": date.isoformat(), "name": name},
        )
    return closure


def closure_add_range(
    *, actor: Actor, first: dt.date, last: dt.date, name: str
) -> list[ClosureDay]:
    """Close every day from ``first`` to ``last`` inclusive that is not closed already."""
    if last < first:
        raise ValueError("the last day of a closure comes before its first day")
    added = []
    with transaction.atomic():
        existing = set(
            ClosureDay.objects.filter(date__range=(first, last)).values_list("date", flat=True)
        )
        day = first
        while day <= last:
            if day not in existing:
                added.append(closure_add(actor=actor, date=day, name=name))
            day += dt.timedelta(days=1)
    return added


def closure_remove(*, actor: Actor, closure: ClosureDay) -> None:
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="closure.remove",
            obj=closure,
            before={"date": closure.date.isoformat(), "name": closure.name},
        )
        closure.delete()
