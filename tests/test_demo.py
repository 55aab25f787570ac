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
    "shop-ready": [],
}


def test_every_standing_is_represented() -> None:
    logins = load_demo_data()
    for seller in Seller.objects.all():
        failed = [c.code for c in evaluate_eligibility(seller).failed]
        assert failed == EXPECTED_FAILURES[seller.login_id], seller.login_id
    assert {login.username for login in logins} == {"operator", "operator2", *EXPECTED_FAILURES}
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


def test_the_ready_seller_has_its_requests_fulfilled_and_fresh_secrets_each_start() -> None:
    from sellergate.access.models import AccessRequest
    from sellergate.credentials.ftp_authentication import ftp_authenticate
    from sellergate.credentials.models import ApiKey, KeyStatus
    from sellergate.credentials.verification import verify_api_key
    from sellergate.demo import issue_demo_secrets

    load_demo_data()
    statuses = set(
        AccessRequest.objects.filter(seller__login_id="shop-ready").values_list("status", flat=True)
    )
    assert statuses == {"fulfilled"}
    first = issue_demo_secrets()
    assert verify_api_key(first.api_key)
    assert ftp_authenticate(first.ftp_user, first.ftp_password)
    second = issue_demo_secrets()
    assert second.api_key != first.api_key
    assert (
        ApiKey.objects.filter(seller__login_id="shop-ready", status=KeyStatus.ACTIVE).count() == 1
    )
    assert ftp_authenticate(second.ftp_user, second.ftp_password)


def test_the_ready_seller_has_a_move_listing_in_a_fashion_category() -> None:
    from sellergate.catalog.models import Listing, Product, StyleCode, TpoCode

    load_demo_data()
    pants = Product.objects.get(seller__login_id="shop-ready", seller_code="PANTS-001")
    assert pants.listing == Listing.MOVE
    assert pants.category.is_fashion
    assert {c["name"] for c in pants.move.colours} == {"ネイビー", "ベージュ"}
    assert pants.quantity == sum(row["qty"] for row in pants.options) == 24
    assert set(pants.move.styles) <= set(StyleCode.objects.values_list("code", flat=True))
    assert set(pants.move.tpos) <= set(TpoCode.objects.values_list("code", flat=True))


def test_the_demo_operators_can_use_the_console_and_only_the_lead_may_override(client) -> None:
    from sellergate.access.services import OVERRIDE_PERMISSION

    load_demo_data()
    lead, operator = User.objects.get(username="operator"), User.objects.get(username="operator2")
    assert lead.has_perm(OVERRIDE_PERMISSION)
    assert not operator.has_perm(OVERRIDE_PERMISSION)
    seller = Seller.objects.get(login_id="shop-claim")
    for user in (lead, operator):
        assert user.has_perm("businessdays.add_closureday")
        assert not user.has_perm("accounts.change_user")  # the superuser's
        client.force_login(user)
        assert client.get("/desk/admin/").status_code == 200
        assert client.get(f"/desk/admin/sellers/seller/{seller.pk}/change/").status_code == 200
        assert client.get("/desk/admin/businessdays/closureday/add/").status_code == 200
        client.logout()
