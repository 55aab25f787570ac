"""The demo data: a seller in every standing, loaded idempotently."""

from __future__ import annotations

import pytest

from sellergate.accounts.models import User
from sellergate.audit.models import AuditEvent
from sellergate.demo import DEMO_PASSWORD, load_demo_data
from sellergate.sellers.eligibility import evaluate_eligibility
from sellergate.sellers.models import Order, Seller

pytestmark = pytest.mark.django_db

EXPECTED_FAILURES = {
    "shop-eligible": [],
    "shop-minus": ["service_points"],
    "shop-late": ["late_shipments"],
    "shop-question": ["unanswered_questions"],
    "shop-claim": ["open_claims"],
    "shop-review": ["review"],
}


def test_every_standing_is_represented() -> None:
    logins = load_demo_data()
    for seller in Seller.objects.all():
        failed = [c.code for c in evaluate_eligibility(seller).failed]
        assert failed == EXPECTED_FAILURES[seller.login_id], seller.login_id
    assert {login.username for login in logins} == {"operator", *EXPECTED_FAILURES}
    operator = User.objects.get(username="operator")
    assert operator.is_operator
    assert operator.check_password(DEMO_PASSWORD)
    assert User.objects.get(username="shop-late").seller.login_id == "shop-late"


def test_loading_twice_duplicates_nothing() -> None:
    load_demo_data()
    counts = (
        Seller.objects.count(),
        User.objects.count(),
        Order.objects.count(),
        AuditEvent.objects.count(),
    )
    load_demo_data()
    assert (
        Seller.objects.count(),
        User.objects.count(),
        Order.objects.count(),
        AuditEvent.objects.count(),
    ) == counts
