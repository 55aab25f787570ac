"""Whether a seller may be issued an API key or the FTP permission (発行条件 / 開設条件).

The guide's conditions, evaluated from the records at the moment asked, never from a
stored flag. Each condition answers pass/fail with the figure and the records behind it
("late shipments: 2 — orders 1001, 1002"), so a seller sees what to fix and an operator
sees why. The fourth condition of the guide, a clear purpose and integrating company,
is the desk's judgement on each request and is not evaluated here.

A result can be stored as a JSON snapshot (``Eligibility.to_snapshot``) and read back
(``Eligibility.from_snapshot``); the snapshot holds codes and figures, not sentences, so
it is shown in the reader's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sellergate.sellers.models import ReviewStatus, Seller

#: How many record numbers a result lists; the count is always exact.
RECORDS_SHOWN = 50


@dataclass(frozen=True)
class ConditionResult:
    code: str
    passed: bool
    figure: int | str
    records: tuple[str, ...] = ()

    @property
    def definition(self) -> Condition:
        return CONDITIONS_BY_CODE[self.code]

    @property
    def label(self) -> Promise:
        return self.definition.label

    @property
    def summary(self) -> str:
        return self.definition.summarise(self)

    @property
    def fix(self) -> Promise | None:
        return None if self.passed else self.definition.fix


@dataclass(frozen=True)
class Condition:
    code: str
    label: Promise
    fix: Promise
    evaluate: Callable[[Seller, dt.date], ConditionResult]
    summarise: Callable[[ConditionResult], str]


@dataclass(frozen=True)
class Eligibility:
    seller_id: int
    evaluated_at: dt.datetime
    conditions: tuple[ConditionResult, ...]

    @property
    def passed(self) -> bool:
        return all(condition.passed for condition in self.conditions)

    @property
    def failed(self) -> tuple[ConditionResult, ...]:
        return tuple(condition for condition in self.conditions if not condition.passed)

    def to_snapshot(self) -> dict[str, Any]:
        return {
            "seller_id": self.seller_id,
            "evaluated_at": self.evaluated_at.isoformat(),
            "passed": self.passed,
            "conditions": [
                {
                    "code": c.code,
                    "passed": c.passed,
                    "figure": c.figure,
                    "records": list(c.records),
                }
                for c in self.conditions
            ],
        }

    @classmethod
    def from_snapshot(cls, data: dict[str, Any]) -> Eligibility:
        return cls(
            seller_id=data["seller_id"],
            evaluated_at=dt.datetime.fromisoformat(data["evaluated_at"]),
            conditions=tuple(
                ConditionResult(
                    code=c["code"],
                    passed=c["passed"],
                    figure=c["figure"],
                    records=tuple(c["records"]),
                )
                for c in data["conditions"]
                if c["code"] in CONDITIONS_BY_CODE
            ),
        )


def evaluate_eligibility(seller: Seller, *, now: dt.datetime | None = None) -> Eligibility:
    """Evaluate every condition for ``seller`` from its records as they are now."""
    evaluated_at = now or timezone.now()
    today = timezone.localdate(evaluated_at)  # in settings.TIME_ZONE, Asia/Tokyo
    return Eligibility(
        seller_id=seller.pk,
        evaluated_at=evaluated_at,
        conditions=tuple(condition.evaluate(seller, today) for condition in CONDITIONS),
    )


# --- the conditions -------------------------------------------------------------------


def _counted(code: str, queryset: QuerySet[Any], number_field: str) -> ConditionResult:
    count = queryset.count()
    records = tuple(
        queryset.order_by(number_field).values_list(number_field, flat=True)[:RECORDS_SHOWN]
    )
    return ConditionResult(code=code, passed=count == 0, figure=count, records=records)


def _review(seller: Seller, today: dt.date) -> ConditionResult:
    return ConditionResult(
        code="review",
        passed=seller.review_status == ReviewStatus.APPROVED,
        figure=seller.review_status,
    )


def _service_points(seller: Seller, today: dt.date) -> ConditionResult:
    return ConditionResult(
        code="service_points", passed=seller.service_points >= 0, figure=seller.service_points
    )


def _late_shipments(seller: Seller, today: dt.date) -> ConditionResult:
    return _counted("late_shipments", seller.orders.late(today), "order_no")


def _unanswered_questions(seller: Seller, today: dt.date) -> ConditionResult:
    return _counted("unanswered_questions", seller.questions.unanswered(), "question_no")


def _open_claims(seller: Seller, today: dt.date) -> ConditionResult:
    return _counted("open_claims", seller.claims.open(), "claim_no")


def _review_summary(result: ConditionResult) -> str:
    status = (
        ReviewStatus(result.figure).label if result.figure in ReviewStatus.values else result.figure
    )
    return _("Opening review: %(status)s") % {"status": status}


def _points_summary(result: ConditionResult) -> str:
    return _("Service points: %(points)s") % {"points": result.figure}


def _records_summary(label: Promise, records_label: Promise) -> Callable[[ConditionResult], str]:
    def summarise(result: ConditionResult) -> str:
        text = label % {"count": result.figure}
        if result.records:
            listed = ", ".join(result.records)
            if int(result.figure) > len(result.records):
                listed += " …"
            text += " — " + records_label % {"records": listed}
        return text

    return summarise


CONDITIONS: tuple[Condition, ...] = (
    Condition(
        code="review",
        label=_("Opening review complete"),
        fix=_(
            "Your shop's opening review is not complete yet. Access can be granted once "
            "the marketplace has approved your shop."
        ),
        evaluate=_review,
        summarise=_review_summary,
    ),
    Condition(
        code="service_points",
        label=_("Service points 0 or more"),
        fix=_(
            "Your service points are below 0. Check the penalties on your shop and bring "
            "the points back to 0 or more."
        ),
        evaluate=_service_points,
        summarise=_points_summary,
    ),
    Condition(
        code="late_shipments",
        label=_("No late shipments"),
        fix=_("Ship these orders and register the shipment, or cancel them with the buyer."),
        evaluate=_late_shipments,
        summarise=_records_summary(_("Late shipments: %(count)s"), _("orders %(records)s")),
    ),
    Condition(
        code="unanswered_questions",
        label=_("No unanswered customer questions"),
        fix=_("Answer these customer questions."),
        evaluate=_unanswered_questions,
        summarise=_records_summary(
            _("Unanswered customer questions: %(count)s"), _("questions %(records)s")
        ),
    ),
    Condition(
        code="open_claims",
        label=_("No open claims"),
        fix=_("Resolve these claims (cancellations, returns, exchanges)."),
        evaluate=_open_claims,
        summarise=_records_summary(_("Open claims: %(count)s"), _("claims %(records)s")),
    ),
)
CONDITIONS_BY_CODE = {condition.code: condition for condition in CONDITIONS}
