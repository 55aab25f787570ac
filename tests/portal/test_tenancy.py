"""No seller reads or acts on another seller's records, through any URL of the seller center."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from sellergate.access.models import RequestStatus
from sellergate.access.services import request_ask
from sellergate.audit.models import AuditEvent
from sellergate.bulk.models import BulkJob, Export
from sellergate.core.actors import Actor
from sellergate.credentials.api_keys import api_key_create
from sellergate.credentials.models import ApiKey, FtpAccount
from sellergate.sellers.models import Claim, CustomerQuestion, Order
from tests.factories import (
    BulkJobFactory,
    ClaimFactory,
    CustomerQuestionFactory,
    LateOrderFactory,
    ProductFactory,
    SellerUserFactory,
    access_request,
    granted_seller,
)

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


# --- every URL of the seller center, with another seller's records -------------------

#: Which record a URL's ``pk`` names, by the path it starts with. A new URL with a pk
#: fails ``test_every_url_of_the_seller_center_was_walked`` until it is added here.
PK_MODELS = {
    "api-keys/": "api_key",
    "requests/": "request",
    "products/bulk/jobs/": "job",
    "products/bulk/exports/": "export",
}
#: What a walker posts: enough for every form of the seller center to be valid.
FORM = {
    "name": "乗っ取り",
    "message": "乗っ取り",
    "grace_hours": "0",
    "reason": "乗っ取り",
    "kind": "item",
}


def _portal_urls() -> list[tuple[str, str]]:
    """(route, URL name) of every seller-center URL, from the URL configuration itself."""
    found = []

    def walk(patterns, prefix: str, namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(
                    pattern.url_patterns,
                    prefix + str(pattern.pattern),
                    pattern.namespace or namespace,
                )
            elif isinstance(pattern, URLPattern) and namespace == "portal" and pattern.name:
                found.append((prefix + str(pattern.pattern), pattern.name))

    walk(get_resolver().url_patterns, "", "")
    return found


@pytest.fixture
def theirs(tmp_path):
    """Another seller with one of every record the seller center shows."""
    owner = SellerUserFactory(seller=granted_seller(login_id="victim"))
    key, _token = api_key_create(actor=Actor.system("test"), seller=owner.seller, name="秘密キー")
    result = tmp_path / "secret-result.csv"
    result.write_text("秘密の結果\n")
    job = BulkJobFactory(
        seller=owner.seller,
        file_name="secret-upload.csv",
        result_path=str(result),
    )
    request = access_request(
        owner.seller, kind="ftp", user=owner, purpose="秘密の連携計画について詳しく説明する文章です"
    )
    request_ask(actor=Actor.system("desk"), request=request, message="質問")
    FtpAccount.objects.create(seller=owner.seller, username="sg-victim", status="active")
    export = Export.objects.create(
        seller=owner.seller, kind="item", status="done", path=str(result), rows=1
    )
    order = LateOrderFactory(seller=owner.seller, order_no="8100000001", item_title="秘密の商品")
    question = CustomerQuestionFactory(seller=owner.seller, question_no="8100000002")
    claim = ClaimFactory(seller=owner.seller, claim_no="C8100000003", kind="return", order_no="")
    product = ProductFactory(seller=owner.seller, title="秘密の品物", seller_code="SECRET-1")
    return {
        "api_key": key,
        "job": job,
        "export": export,
        "request": request,
        # Records the seller center names by their numbers: <str:order_no> …
        "order_no": order.order_no,
        "question_no": question.question_no,
        "claim_no": claim.claim_no,
        "item_code": product.item_code,
        "markers": [
            "秘密の品物",
            "SECRET-1",
            "秘密キー",
            key.last4,
            "secret-upload.csv",
            "sg-victim",
            "秘密の連携計画",
            "秘密の商品",
            "8100000002",
            "C8100000003",
        ],
    }


#: Route parameters that name a record by its number, for the fixture's records.
NUMBERED = ("order_no", "question_no", "claim_no", "item_code")


def _state(theirs) -> tuple:
    key = ApiKey.objects.get(pk=theirs["api_key"].pk)
    request = type(theirs["request"]).objects.get(pk=theirs["request"].pk)
    return (
        AuditEvent.objects.count(),
        key.status,
        key.replaced_by_id,
        request.status,
        FtpAccount.objects.get(username="sg-victim").password_hash,
        ApiKey.objects.count(),
        BulkJob.objects.count(),
        Order.objects.get(order_no=theirs["order_no"]).shipped_at,
        Order.objects.get(order_no=theirs["order_no"]).seller_checked_at,
        CustomerQuestion.objects.get(question_no=theirs["question_no"]).answered_at,
        Claim.objects.get(claim_no=theirs["claim_no"]).resolved_at,
    )


def test_every_url_of_the_seller_center_was_walked(client, theirs) -> None:
    urls = _portal_urls()
    assert len(urls) >= 20
    client.force_login(SellerUserFactory(seller=granted_seller()))
    before = _state(theirs)
    walked = []
    for route, name in urls:
        if name in {"logout", "login"}:
            continue
        if "<int:pk>" in route:
            start = next(
                (p for p in PK_MODELS if route.startswith(f"seller/{p}")),
                None,
            )
            assert start is not None, f"{route}: say in PK_MODELS which record its pk names"
            record = theirs[PK_MODELS[start]]
            url = reverse(f"portal:{name}", args=[record.pk])
            for method in ("get", "post"):
                response = getattr(client, method)(url, FORM)
                assert response.status_code in {404, 405}, (method, url, response.status_code)
                assert response.status_code == 404 or method == "get", (method, url)
        elif numbered := next((k for k in NUMBERED if f"<str:{k}>" in route), None):
            url = reverse(f"portal:{name}", args=[theirs[numbered]])
            for method in ("get", "post"):
                response = getattr(client, method)(url, FORM)
                assert response.status_code in {404, 405}, (method, url, response.status_code)
                assert response.status_code == 404 or method == "get", (method, url)
        else:
            kwargs = {"kind": "item", "fmt": "csv"} if "<str:kind>" in route else {}
            url = reverse(f"portal:{name}", kwargs=kwargs)
            page = client.get(url)
            text = page.content.decode("utf-8", "replace") if not page.streaming else ""
            for marker in theirs["markers"]:
                assert marker not in text, (url, marker)
        walked.append(name)
    assert _state(theirs) == before  # nothing of theirs changed, nothing audited
    assert {"api_key_rotate", "api_key_revoke", "bulk_result", "bulk_export"} <= set(walked)
