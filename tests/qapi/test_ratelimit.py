"""The token bucket: a burst at once, then the rate; an operator's limit for one seller."""

from __future__ import annotations

import pytest

from sellergate.qapi import ratelimit
from sellergate.qapi.models import SellerRateLimit
from sellergate.qapi.services import rate_limit_remove, rate_limit_set
from tests.factories import SellerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh():
    ratelimit.reset()
    yield
    ratelimit.reset()


def test_burst_then_rate(settings) -> None:
    settings.API_RATE_PER_SECOND, settings.API_RATE_BURST = 2, 3
    seller = SellerFactory()
    assert [ratelimit.allow(1, seller.pk, now=100.0) for _ in range(4)] == [True] * 3 + [False]
    assert ratelimit.allow(1, seller.pk, now=100.5)  # half a second: one token back
    assert not ratelimit.allow(1, seller.pk, now=100.5)
    assert ratelimit.allow(2, seller.pk, now=100.5)  # another key has its own bucket


def test_an_operators_limit_for_a_seller(actor, django_capture_on_commit_callbacks) -> None:
    seller = SellerFactory()
    with django_capture_on_commit_callbacks(execute=True):
        limit = rate_limit_set(actor=actor, seller=seller, per_second=1, burst=1, note="試験")
    assert [ratelimit.allow(1, seller.pk, now=5.0) for _ in range(2)] == [True, False]
    with django_capture_on_commit_callbacks(execute=True):
        rate_limit_remove(actor=actor, limit=limit)
    assert not SellerRateLimit.objects.exists()
    assert all(ratelimit.allow(1, seller.pk, now=6.0) for _ in range(10))
