"""Each condition of the guide failing alone, and all passing, with the figures behind them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone, translation

from sellergate.sellers.eligibility import Eligibility, evaluate_eligibility
from sellergate.sellers.models import ReviewStatus
from sellergate.sellers.selectors import sellers_with_standing
from tests.factories import (
    ClaimFactory,
    CustomerQuestionFactory,
    LateOrderFactory,
    OrderFactory,
    SellerFactory,
)

pytestmark = pytest.mark.django_db

CODES = ["review", "service_points", "late_shipments", "unanswered_questions", "open_claims"]


def failing(eligibility: Eligibility) -> list[str]:
    return [condition.code for condition in eligibility.failed]


def good_seller():
    """A seller with handled history: shipped orders, answered questions, resolved claims."""
    seller = SellerFactory()
    OrderFactory(
        seller=seller,
        ship_by=timezone.localdate() - dt.timedelta(days=9),
        shipped_at=timezone.now(),
    )
    OrderFactory(seller=seller)  # due in two days: not late
    CustomerQuestionFactory(seller=seller, answered_at=timezone.now())
    ClaimFactory(seller=seller, resolved_at=timezone.now())
    return seller


def test_a_seller_in_good_standing_passes_every_condition() -> None:
    result = evaluate_eligibility(good_seller())
    assert result.passed
    assert [c.code for c in result.conditions] == CODES
    assert all(c.passed and c.fix is None for c in result.conditions)


def test_opening_review_not_complete_fails_alone() -> None:
    seller = good_seller()
    seller.review_status = ReviewStatus.PENDING
    seller.save()
    result = evaluate_eligibility(seller)
    assert failing(result) == ["review"]
    assert result.failed[0].figure == "pending"


@pytest.mark.parametrize(("points", "passes"), [(-1, False), (-3, False), (0, True), (1, True)])
def test_service_points_must_be_zero_or_more(points: int, passes: bool) -> None:
    seller = good_seller()
    seller.service_points = points
    seller.save()
    result = evaluate_eligibility(seller)
    assert failing(result) == ([] if passes else ["service_points"])
    assert result.conditions[1].figure == points


def test_late_shipments_fail_alone_with_their_order_numbers() -> None:
    seller = good_seller()
    LateOrderFactory(seller=seller, order_no="1002")
    LateOrderFactory(seller=seller, order_no="1001")
    result = evaluate_eligibility(seller)
    assert failing(result) == ["late_shipments"]
    late = result.failed[0]
    assert late.figure == 2
    assert late.records == ("1001", "1002")


def test_what_makes_an_order_late() -> None:
    seller = SellerFactory()
    today = timezone.localdate()
    OrderFactory(seller=seller, order_no="due-today", ship_by=today)
    OrderFactory(
        seller=seller,
        order_no="shipped",
        ship_by=today - dt.timedelta(days=3),
        shipped_at=timezone.now(),
    )
    OrderFactory(
        seller=seller,
        order_no="cancelled",
        ship_by=today - dt.timedelta(days=3),
        cancelled_at=timezone.now(),
    )
    OrderFactory(seller=seller, order_no="late", ship_by=today - dt.timedelta(days=1))
    assert evaluate_eligibility(seller).conditions[2].records == ("late",)


def test_lateness_is_judged_on_the_japanese_date() -> None:
    seller = SellerFactory()
    OrderFactory(seller=seller, order_no="1", ship_by=dt.date(2026, 11, 20))
    # 2026-11-20 23:30 in Tokyo (14:30 UTC): still the ship-by day, not late.
    before = dt.datetime(2026, 11, 20, 14, 30, tzinfo=dt.UTC)
    # 2026-11-21 00:30 in Tokyo (15:30 UTC on the 20th): a day late.
    after = dt.datetime(2026, 11, 20, 15, 30, tzinfo=dt.UTC)
    assert evaluate_eligibility(seller, now=before).passed
    assert failing(evaluate_eligibility(seller, now=after)) == ["late_shipments"]


def test_unanswered_questions_fail_alone_with_their_numbers() -> None:
    seller = good_seller()
    CustomerQuestionFactory(seller=seller, question_no="Q1")
    result = evaluate_eligibility(seller)
    assert failing(result) == ["unanswered_questions"]
    assert (result.failed[0].figure, result.failed[0].records) == (1, ("Q1",))


def test_open_claims_fail_alone_with_their_numbers() -> None:
    seller = good_seller()
    ClaimFactory(seller=seller, claim_no="C1")
    result = evaluate_eligibility(seller)
    assert failing(result) == ["open_claims"]
    assert (result.failed[0].figure, result.failed[0].records) == (1, ("C1",))


def test_another_sellers_records_do_not_count() -> None:
    seller = good_seller()
    other = SellerFactory()
    LateOrderFactory(seller=other)
    CustomerQuestionFactory(seller=other)
    ClaimFactory(seller=other)
    assert evaluate_eligibility(seller).passed
    assert failing(evaluate_eligibility(other)) == [
        "late_shipments",
        "unanswered_questions",
        "open_claims",
    ]


def test_the_result_is_computed_when_asked_not_stored() -> None:
    seller = good_seller()
    question = CustomerQuestionFactory(seller=seller)
    assert not evaluate_eligibility(seller).passed
    question.answered_at = timezone.now()
    question.save()
    assert evaluate_eligibility(seller).passed


def test_summaries_give_the_figures_and_the_records_in_each_language() -> None:
    seller = good_seller()
    seller.service_points = -3
    seller.save()
    LateOrderFactory(seller=seller, order_no="1001")
    LateOrderFactory(seller=seller, order_no="1002")
    result = evaluate_eligibility(seller)
    with translation.override("ja"):
        assert result.conditions[1].summary == "サービスポイント：-3点"
        assert result.conditions[2].summary == "発送遅延：2件 — 注文番号 1001, 1002"
        assert str(result.conditions[2].label) == "発送遅延がないこと"
        assert "発送" in str(result.conditions[2].fix)
    with translation.override("en"):
        assert result.conditions[2].summary == "Late shipments: 2 — orders 1001, 1002"


def test_a_snapshot_round_trips_and_renders_in_the_readers_language() -> None:
    seller = SellerFactory(review_status=ReviewStatus.PENDING)
    ClaimFactory(seller=seller, claim_no="C9")
    result = evaluate_eligibility(seller)
    restored = Eligibility.from_snapshot(result.to_snapshot())
    assert restored == result
    assert restored.to_snapshot()["passed"] is False
    with translation.override("ja"):
        assert restored.conditions[0].summary == "出店審査状態：審査中"


def test_the_sellers_list_agrees_with_the_evaluation() -> None:
    sellers = [good_seller() for _ in range(2)]
    LateOrderFactory(seller=sellers[0])
    LateOrderFactory(seller=sellers[0])
    CustomerQuestionFactory(seller=sellers[1])
    ClaimFactory(seller=sellers[1])
    sellers.append(SellerFactory(service_points=-1))
    sellers.append(SellerFactory(review_status=ReviewStatus.REJECTED))
    sellers.append(good_seller())
    listed = {s.pk: s for s in sellers_with_standing()}
    for seller in sellers:
        result = evaluate_eligibility(seller)
        row = listed[seller.pk]
        assert row.eligible == result.passed
        assert row.late_shipments == result.conditions[2].figure
        assert row.unanswered_questions == result.conditions[3].figure
        assert row.open_claims == result.conditions[4].figure


def test_the_sellers_list_is_one_query(django_assert_num_queries) -> None:
    for _ in range(5):
        LateOrderFactory(seller=good_seller())
    with django_assert_num_queries(1):
        rows = list(sellers_with_standing())
    assert [row.late_shipments for row in rows] == [1] * 5
