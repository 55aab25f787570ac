"""Claims through their lifecycle (the guide's ClaimStat codes), and how standing follows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from sellergate.audit.models import AuditEvent
from sellergate.core.errors import FieldError
from sellergate.sellers import claims, statuses
from sellergate.sellers.eligibility import evaluate_eligibility
from sellergate.sellers.models import Claim, Order
from tests.factories import ClaimFactory, OrderFactory

pytestmark = pytest.mark.django_db


def refused(call) -> FieldError:
    with pytest.raises(FieldError) as raised:
        call()
    return raised.value


def codes(seller) -> list[str]:
    return [statuses.claim_status(c) for c in Claim.objects.of(seller).order_by("pk")]


def test_cancelling_accepts_the_buyers_request_and_completes_it(actor) -> None:
    order = OrderFactory()
    ClaimFactory(seller=order.seller, kind="cancel", order_no=order.order_no)
    assert codes(order.seller) == ["1"]
    assert "open_claims" in [c.code for c in evaluate_eligibility(order.seller).failed]
    claims.order_cancel(
        actor=actor, seller=order.seller, order_no=order.order_no, reason="3", memo="遅延"
    )
    order.refresh_from_db()
    assert order.cancelled_at is not None
    assert codes(order.seller) == ["3"]  # no second claim: the request was the one
    assert "open_claims" not in [c.code for c in evaluate_eligibility(order.seller).failed]
    event = AuditEvent.objects.get(action="order.cancel")
    assert event.after["cancel_reason"] == "3"
    assert "order_cancelled_at" in event.after


def test_a_seller_cancelling_of_its_own_accord_records_a_completed_cancellation(actor) -> None:
    order = OrderFactory()
    claim = claims.order_cancel(actor=actor, seller=order.seller, order_no=order.order_no)
    assert (claim.kind, statuses.claim_status(claim), claim.order_no) == (
        "cancel",
        "3",
        order.order_no,
    )
    again = refused(
        lambda: claims.order_cancel(actor=actor, seller=order.seller, order_no=order.order_no)
    )
    assert again.code == "state"
    assert Claim.objects.count() == 1


def test_a_shipped_order_cannot_be_cancelled(actor) -> None:
    order = OrderFactory(shipped_at=timezone.now())
    error = refused(
        lambda: claims.order_cancel(actor=actor, seller=order.seller, order_no=order.order_no)
    )
    assert (error.field, error.code) == ("order_no", "state")
    assert not Claim.objects.exists()
    assert Order.objects.get(pk=order.pk).cancelled_at is None


@pytest.mark.parametrize(
    ("kind", "requested", "approved"), [("return", "4", "5"), ("exchange", "11", "12")]
)
def test_approving_a_return_or_exchange_ends_the_open_claim(
    actor, kind, requested, approved
) -> None:
    order = OrderFactory(shipped_at=timezone.now())
    ClaimFactory(seller=order.seller, kind=kind, order_no=order.order_no)
    assert codes(order.seller) == [requested]
    claims.claim_accept(
        actor=actor,
        seller=order.seller,
        order_no=order.order_no,
        return_to={"name": "ひかり工房", "zip": "600-8001", "address1": "京都府", "tel": ""},
    )
    assert codes(order.seller) == [approved]
    claim = Claim.objects.get()
    assert claim.return_to == {"name": "ひかり工房", "zip": "600-8001", "address1": "京都府"}
    assert not Claim.objects.open().exists()
    # Approved once: there is nothing left to approve.
    assert (
        refused(
            lambda: claims.claim_accept(actor=actor, seller=order.seller, order_no=order.order_no)
        ).code
        == "not_found"
    )


def test_re_shipping_an_exchange_completes_it(actor) -> None:
    order = OrderFactory(shipped_at=timezone.now())
    ClaimFactory(seller=order.seller, kind="exchange", order_no=order.order_no)
    when = timezone.now() + dt.timedelta(days=1)
    claims.claim_redeliver(
        actor=actor,
        seller=order.seller,
        order_no=order.order_no,
        redelivery_date=when,
        tracking_no="9999-0000",
        company="佐川急便",
        receiver={"name": "山田 太郎"},
    )
    claim = Claim.objects.get()
    assert statuses.claim_status(claim) == "13"
    assert claim.redelivery["tracking_no"] == "9999-0000"
    assert claim.redelivery["receiver"] == {"name": "山田 太郎"}
    assert Claim.objects.filter(statuses.CLAIM["13"]).count() == 1


def test_a_return_cannot_be_re_shipped_and_a_long_address_is_refused(actor) -> None:
    order = OrderFactory(shipped_at=timezone.now())
    ClaimFactory(seller=order.seller, kind="return", order_no=order.order_no)
    error = refused(
        lambda: claims.claim_redeliver(
            actor=actor,
            seller=order.seller,
            order_no=order.order_no,
            redelivery_date=timezone.now(),
        )
    )
    assert error.code == "not_found"
    long = refused(
        lambda: claims.claim_accept(
            actor=actor, seller=order.seller, order_no=order.order_no, return_to={"zip": "1" * 11}
        )
    )
    assert long.field == "zip"
    assert Claim.objects.get().resolved_at is None


def test_every_claim_code_finds_exactly_the_claims_that_answer_it() -> None:
    order = OrderFactory()
    seller, now = order.seller, timezone.now()
    made = []
    for kind in ("cancel", "return", "exchange"):
        made += [
            ClaimFactory(seller=seller, kind=kind),
            ClaimFactory(seller=seller, kind=kind, resolved_at=now),
            ClaimFactory(seller=seller, kind=kind, resolved_at=now, completed_at=now),
        ]
    made += [
        ClaimFactory(seller=seller, kind="non_receipt", completed_at=now),
        ClaimFactory(seller=seller, kind="non_receipt", completed_at=now, partial_refund_count=1),
        ClaimFactory(seller=seller, kind="unpaid", completed_at=now),
        ClaimFactory(seller=seller, kind="non_receipt"),  # open: the guide has no code
    ]
    answered = [statuses.claim_status(c) for c in made]
    assert answered == ["1", "2", "3", "4", "5", "6", "11", "12", "13", "14", "15", "16", ""]
    for code, condition in statuses.CLAIM.items():
        found = set(Claim.objects.filter(condition).values_list("pk", flat=True))
        assert found == {c.pk for c, a in zip(made, answered, strict=True) if a == code}, code
    # The unpaid cancellation is the marketplace's: never the seller's open problem.
    assert set(Claim.objects.open().values_list("kind", flat=True)) == {
        "cancel",
        "return",
        "exchange",
        "non_receipt",
    }


def test_every_shipping_status_finds_exactly_the_orders_that_answer_it() -> None:
    now = timezone.now()
    seller = OrderFactory(paid_at=None).seller
    OrderFactory(seller=seller)
    OrderFactory(seller=seller, seller_checked_at=now)
    OrderFactory(seller=seller, seller_checked_at=now, shipped_at=now)
    OrderFactory(seller=seller, shipped_at=now, delivered_at=now)
    OrderFactory(seller=seller, shipped_at=now, completed_at=now)
    OrderFactory(seller=seller, cancelled_at=now)
    orders = list(Order.objects.of(seller).order_by("pk"))
    answered = [statuses.shipping_status(o) for o in orders]
    assert answered == ["1", "2", "3", "4", "5", "5", ""]
    for code, condition in statuses.SHIPPING.items():
        found = set(Order.objects.filter(condition).values_list("pk", flat=True))
        assert found == {o.pk for o, a in zip(orders, answered, strict=True) if a == code}, code
    open_orders = Order.objects.filter(statuses.OPEN_ORDERS)
    assert sorted(statuses.shipping_status(o) for o in open_orders) == ["1", "2", "3"]
