"""No seller reads or acts on another seller's request, through any URL of the seller center."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sellergate.access.models import RequestStatus
from sellergate.access.services import request_ask
from sellergate.audit.actors import Actor
from sellergate.audit.models import AuditEvent
from tests.factories import SellerUserFactory, access_request

pytestmark = pytest.mark.django_db

REQUEST_URLS = [
    ("get", "portal:request_detail", {}),
    ("post", "portal:request_answer", {"message": "乗っ取り"}),
    ("post", "portal:request_withdraw", {}),
]


@pytest.mark.parametrize(("method", "name", "data"), REQUEST_URLS)
def test_another_sellers_request_is_not_found(client, method, name, data) -> None:
    owner = SellerUserFactory()
    theirs = access_request(
        owner.seller, user=owner, purpose="秘密の連携計画について詳しく説明する文章です"
    )
    request_ask(actor=Actor.system("desk"), request=theirs, message="質問")
    events = AuditEvent.objects.count()

    client.force_login(SellerUserFactory())
    response = getattr(client, method)(reverse(name, args=[theirs.pk]), data)

    assert response.status_code == 404
    assert "秘密の連携計画" not in response.content.decode()
    theirs.refresh_from_db()
    assert theirs.status == RequestStatus.NEEDS_INFO
    assert AuditEvent.objects.count() == events


def test_the_request_list_shows_only_the_sellers_own(client) -> None:
    mine, other = SellerUserFactory(), SellerUserFactory()
    own = access_request(mine.seller, user=mine)
    theirs = access_request(other.seller, user=other)
    client.force_login(mine)
    page = client.get(reverse("portal:request_list")).content.decode()
    assert f'data-request="{own.pk}"' in page
    assert f'data-request="{theirs.pk}"' not in page


def test_the_permissions_page_shows_only_the_sellers_own_application(client) -> None:
    mine, other = SellerUserFactory(), SellerUserFactory()
    theirs = access_request(other.seller, kind="ftp", user=other)
    client.force_login(mine)
    page = client.get(reverse("portal:permissions")).content.decode()
    assert reverse("portal:request_detail", args=[theirs.pk]) not in page
    assert "未申請" in page


@pytest.mark.parametrize("name", ["desk:request_queue", "desk:audit_log"])
def test_a_seller_never_reaches_the_desks_request_pages(client, name) -> None:
    client.force_login(SellerUserFactory())
    assert client.get(reverse(name)).status_code == 302


@pytest.mark.parametrize(
    "name",
    ["desk:request_detail", "desk:request_approve", "desk:request_reject", "desk:request_ask"],
)
def test_a_seller_cannot_decide_through_the_desks_urls(client, name) -> None:
    user = SellerUserFactory()
    own = access_request(user.seller, user=user)
    client.force_login(user)
    response = client.post(reverse(name, args=[own.pk]), {"reason": "x", "message": "x"})
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.status == RequestStatus.SUBMITTED
