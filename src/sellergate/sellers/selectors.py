"""Reads about sellers that span their records."""

from __future__ import annotations

import datetime as dt

from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    IntegerField,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce

from sellergate.sellers.models import Claim, CustomerQuestion, Order, ReviewStatus, Seller
from sellergate.sellers.standing import (
    business_today,
    late_order_q,
    open_claim_q,
    unanswered_question_q,
)


def _count_of(model: type[Model], condition: Q) -> Coalesce:
    counted = (
        model._default_manager.filter(condition, seller=OuterRef("pk"))
        .order_by()
        .values("seller")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def sellers_with_standing(*, today: dt.date | None = None) -> QuerySet[Seller]:
    """All sellers annotated with the figures of the eligibility conditions.

    One query for the whole list, with the same definitions ``evaluate_eligibility``
    uses (``sellers.standing``): ``late_shipments``, ``unanswered_questions``,
    ``open_claims`` and ``eligible``.
    """
    today = today or business_today()
    return Seller.objects.annotate(
        late_shipments=_count_of(Order, late_order_q(today)),
        unanswered_questions=_count_of(CustomerQuestion, unanswered_question_q()),
        open_claims=_count_of(Claim, open_claim_q()),
    ).annotate(
        eligible=ExpressionWrapper(
            Q(review_status=ReviewStatus.APPROVED)
            & Q(service_points__gte=0)
            & Q(late_shipments=0)
            & Q(unanswered_questions=0)
            & Q(open_claims=0),
            output_field=BooleanField(),
        )
    )
