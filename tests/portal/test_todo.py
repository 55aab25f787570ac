"""ホーム's to-do: what the seller has to do or should know, its own records only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from sellergate.access.models import AccessRequest
from sellergate.access.services import request_ask
from sellergate.core.actors import Actor
from sellergate.credentials.api_keys import api_key_create
from sellergate.credentials.models import ApiKey
from sellergate.portal.todo import things_to_do
from tests.factories import (
    BulkJobFactory,
    SellerFactory,
    SellerUserFactory,
    access_request,
    granted_seller,
)

pytestmark = pytest.mark.django_db
DESK = Actor.system("desk")


def _kinds(seller) -> list[str]:
    return [todo.kind for todo in things_to_do(seller)]


def test_a_clean_shop_has_nothing_to_do(client) -> None:
    user = SellerUserFactory()
    assert things_to_do(user.seller) == []
    client.force_login(user)
    page = client.get(reverse("portal:home")).content.decode()
    assert 'id="todo"' in page
    assert "data-todo=" not in page


def test_a_question_from_the_desk_comes_first_and_links_to_the_request() -> None:
    seller = SellerFactory()
    request = access_request(seller)
    request_ask(actor=DESK, request=request, message="連携先の会社名を教えてください")
    todos = things_to_do(seller)
    assert [t.kind for t in todos] == ["answer"]
    assert todos[0].urgent
    assert todos[0].url == reverse("portal:request_detail", args=[request.pk])


@pytest.mark.parametrize("status", ["fulfilled", "approved", "rejected"])
def test_a_recent_decision_is_shown_and_an_old_one_is_not(status) -> None:
    seller = SellerFactory()
    request = access_request(seller)
    now = timezone.now()
    AccessRequest.objects.filter(pk=request.pk).update(status=status, decided_at=now)
    assert _kinds(seller) == ["decided"]
    AccessRequest.objects.filter(pk=request.pk).update(decided_at=now - dt.timedelta(days=15))
    assert _kinds(seller) == []


def test_jobs_with_row_errors_or_refused_files_are_shown() -> None:
    seller = SellerFactory()
    now = timezone.now()
    BulkJobFactory(
        seller=seller,
        status="done",
        error_rows=3,
        processed_rows=10,
        finished_at=now,
        file_name="a.csv",
    )
    BulkJobFactory(
        seller=seller,
        status="done",
        error_rows=0,
        processed_rows=10,
        finished_at=now,
        file_name="b.csv",
    )
    BulkJobFactory(seller=seller, status="failed", file_name="壊れた.xlsx", finished_at=now)
    old = now - dt.timedelta(days=30)
    BulkJobFactory(seller=seller, status="done", error_rows=1, finished_at=old, file_name="c.csv")
    BulkJobFactory(status="done", error_rows=5, finished_at=now, file_name="d.csv")  # not its
    todos = things_to_do(seller)
    assert [t.kind for t in todos] == ["job", "job"]
    assert any("3" in t.text and "10" in t.text for t in todos)
    assert any("壊れた.xlsx" in t.text for t in todos)


def test_a_key_that_stops_within_thirty_days_is_shown() -> None:
    seller = granted_seller()
    now = timezone.now()
    soon, _token = api_key_create(actor=DESK, seller=seller, name="受注連携")
    later, _token = api_key_create(actor=DESK, seller=seller, name="在庫連携")
    ApiKey.objects.filter(pk=soon.pk).update(expires_at=now + dt.timedelta(days=5))
    ApiKey.objects.filter(pk=later.pk).update(expires_at=now + dt.timedelta(days=90))
    todos = things_to_do(seller)
    assert [(t.kind, t.urgent) for t in todos] == [("key", True)]
    assert "受注連携" in todos[0].text
    retires = now + dt.timedelta(days=20)
    ApiKey.objects.filter(pk=later.pk).update(expires_at=None, retires_at=retires)
    assert [(t.kind, t.urgent) for t in things_to_do(seller)] == [("key", True), ("key", False)]
