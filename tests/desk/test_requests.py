"""The operator desk: the queue by due date, and the decisions on one request."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from sellergate.access.models import RequestStatus
from tests.factories import LateOrderFactory, OperatorFactory, SellerFactory, access_request

pytestmark = pytest.mark.django_db

JST = ZoneInfo("Asia/Tokyo")


def rows(page: str) -> list[int]:
    return [int(chunk.split('"')[0]) for chunk in page.split('data-request="')[1:]]


@pytest.fixture
def desk(client):
    client.force_login(OperatorFactory())
    return client


@time_machine.travel(dt.datetime(2026, 11, 30, 10, 0, tzinfo=JST), tick=False)
def test_the_queue_is_ordered_by_due_date_and_highlights_the_overdue(desk) -> None:
    later = access_request(SellerFactory(), now=dt.datetime(2026, 11, 30, 9, 0, tzinfo=JST))
    overdue = access_request(SellerFactory(), now=dt.datetime(2026, 11, 26, 9, 0, tzinfo=JST))
    weekend = access_request(SellerFactory(), now=dt.datetime(2026, 11, 28, 9, 0, tzinfo=JST))
    page = desk.get(reverse("desk:request_queue")).content.decode()
    assert rows(page) == [overdue.pk, weekend.pk, later.pk]
    assert page.count("期日超過</span>") == 1
    overdue_only = desk.get(reverse("desk:request_queue"), {"due": "overdue", "status": "open"})
    assert rows(overdue_only.content.decode()) == [overdue.pk]
    today = desk.get(reverse("desk:request_queue"), {"due": "today", "status": "open"})
    assert rows(today.content.decode()) == [weekend.pk, later.pk]


@time_machine.travel(dt.datetime(2026, 11, 30, 10, 0, tzinfo=JST), tick=False)
def test_the_queue_counts_what_waits_and_marks_a_sellers_new_reply(desk) -> None:
    from sellergate.access.services import request_answer, request_ask
    from sellergate.core.actors import Actor
    from sellergate.desk.requests import queue_counts
    from sellergate.sellers.standing import business_today

    access_request(SellerFactory(), now=dt.datetime(2026, 11, 30, 9, 0, tzinfo=JST))
    access_request(SellerFactory(), now=dt.datetime(2026, 11, 26, 9, 0, tzinfo=JST))
    asked = access_request(SellerFactory(), now=dt.datetime(2026, 11, 30, 9, 30, tzinfo=JST))
    request_ask(actor=Actor.system("desk"), request=asked, message="連携先は?")
    assert queue_counts(business_today()) == {"open": 3, "today": 2, "overdue": 1, "replied": 0}
    page = desk.get(reverse("desk:request_queue")).content.decode()
    assert "data-replied" not in page
    request_answer(actor=Actor.system("seller"), request=asked, message="自社開発です")
    assert queue_counts(business_today())["replied"] == 1
    page = desk.get(reverse("desk:request_queue")).content.decode()
    assert page.count("data-replied") == 1
    assert f'data-request="{asked.pk}"' in page.split("data-replied")[0].rsplit("<tr", 1)[1]
    assert "期日超過 1件" in page


def test_the_queue_filters_by_kind_status_and_seller(desk) -> None:
    api = access_request(SellerFactory(login_id="shop-api"))
    ftp = access_request(SellerFactory(login_id="shop-ftp"), kind="ftp")
    assert rows(desk.get(reverse("desk:request_queue"), {"kind": "ftp"}).content.decode()) == [
        ftp.pk
    ]
    assert rows(
        desk.get(reverse("desk:request_queue"), {"seller": "shop-api"}).content.decode()
    ) == [api.pk]
    assert (
        rows(desk.get(reverse("desk:request_queue"), {"status": "approved"}).content.decode()) == []
    )


def test_the_request_page_shows_the_standing_now_beside_the_snapshot(desk) -> None:
    seller = SellerFactory()
    filed = access_request(seller)
    LateOrderFactory(seller=seller, order_no="1001")
    page = desk.get(reverse("desk:request_detail", args=[filed.pk])).content.decode()
    now = page.split('id="standing-now"')[1].split("</section>")[0]
    then = page.split('id="standing-submitted"')[1].split("</section>")[0]
    assert "発送遅延：1件 — 注文番号 1001" in now
    assert "発送遅延：0件" in then
    # The rejection reason is prefilled from the failed conditions.
    assert "以下の条件を満たしていないため" in page


@time_machine.travel(dt.datetime(2026, 11, 30, 10, 0, tzinfo=JST), tick=False)
def test_approve_reject_and_ask_through_the_desk(desk) -> None:
    first, second, third = (access_request(SellerFactory()) for _ in range(3))
    desk.post(reverse("desk:request_approve", args=[first.pk]))
    asked = desk.post(
        reverse("desk:request_reject", args=[second.pk]), {"reason": "利用目的が不明確です"}
    )
    assert "利用目的が不明確です</textarea>" in asked.content.decode()
    second.refresh_from_db()
    assert second.status == "submitted"  # asked first
    desk.post(
        reverse("desk:request_reject", args=[second.pk]),
        {"reason": "利用目的が不明確です", "confirmed": "yes"},
    )
    desk.post(
        reverse("desk:request_ask", args=[third.pk]),
        {"message": "連動会社の担当者を教えてください"},
    )
    for request, status in ((first, "fulfilled"), (second, "rejected"), (third, "needs_info")):
        request.refresh_from_db()
        assert request.status == status


@time_machine.travel(dt.datetime(2026, 11, 23, 10, 0, tzinfo=JST), tick=False)
def test_approving_on_a_holiday_is_refused_with_a_clear_message(desk) -> None:
    filed = access_request(SellerFactory())
    response = desk.post(reverse("desk:request_approve", args=[filed.pk]), follow=True)
    assert "本日（2026-11-23）は営業日ではありません（勤労感謝の日）" in response.content.decode()
    assert "2026-11-24まで発行・承認はできません" in response.content.decode()
    filed.refresh_from_db()
    assert filed.status == RequestStatus.SUBMITTED


def test_a_reject_without_reason_is_refused(desk) -> None:
    filed = access_request(SellerFactory())
    response = desk.post(
        reverse("desk:request_reject", args=[filed.pk]),
        {"reason": "", "confirmed": "yes"},
        follow=True,
    )
    assert "理由を書くか、よくある理由を選んでください" in response.content.decode()
    filed.refresh_from_db()
    assert filed.status == RequestStatus.SUBMITTED


def test_a_common_reason_is_offered_and_comes_first(desk) -> None:
    from sellergate.desk.forms import CANNED_REASONS

    filed = access_request(SellerFactory())
    detail = desk.get(reverse("desk:request_detail", args=[filed.pk])).content.decode()
    assert 'name="canned"' in detail
    url = reverse("desk:request_reject", args=[filed.pk])
    asked = desk.post(url, {"canned": "integrator", "reason": ""}).content.decode()
    canned = str(CANNED_REASONS["integrator"])
    assert canned in asked.split('name="reason"', 1)[1].split("</textarea>", 1)[0]
    assert 'name="canned"' not in asked  # merged into the reason, not carried again
    desk.post(url, {"reason": canned + "\n登記上の社名をお知らせください", "confirmed": "yes"})
    filed.refresh_from_db()
    assert filed.status == RequestStatus.REJECTED
    assert filed.decision_reason == canned + "\n登記上の社名をお知らせください"


def test_the_audit_log_is_filterable_by_seller(desk) -> None:
    a, b = SellerFactory(login_id="shop-a"), SellerFactory(login_id="shop-b")
    access_request(a)
    access_request(b)
    page = desk.get(reverse("desk:audit_log"), {"seller": "shop-a"}).content.decode()
    assert page.count('data-action="request.submit"') == 1
    assert "shop-b" not in page


@time_machine.travel(dt.datetime(2026, 11, 30, 10, 0, tzinfo=JST), tick=False)
def test_decisions_are_audited_with_the_operator_and_the_source_address(desk) -> None:
    filed = access_request(SellerFactory())
    desk.post(
        reverse("desk:request_reject", args=[filed.pk]),
        {"reason": "重複した申請です", "confirmed": "yes"},
        REMOTE_ADDR="198.51.100.7",
    )
    from sellergate.audit.models import AuditEvent

    event = AuditEvent.objects.get(action="request.reject")
    assert event.source_address == "198.51.100.7"
    assert event.actor is not None
    assert event.actor.is_operator
    assert (event.before, event.after) == (
        {"status": "submitted"},
        {"status": "rejected", "reason": "重複した申請です"},
    )


def test_an_empty_question_is_refused_with_a_message(desk) -> None:
    filed = access_request(SellerFactory())
    response = desk.post(
        reverse("desk:request_ask", args=[filed.pk]), {"message": " "}, follow=True
    )
    assert "このフィールドは必須です" in response.content.decode()
    filed.refresh_from_db()
    assert filed.status == RequestStatus.SUBMITTED


def test_an_operator_who_may_not_override_sees_why_the_approve_button_is_off(client) -> None:
    from django.contrib.auth.models import Permission

    filed = access_request(SellerFactory(service_points=-2))
    operator = OperatorFactory()
    client.force_login(operator)
    page = client.get(reverse("desk:request_detail", args=[filed.pk])).content.decode()
    approve = page.split('id="approve"', 1)[1].split("</form>", 1)[0]
    assert 'disabled aria-describedby="approve-why"' in approve
    assert 'id="approve-why"' in approve
    operator.user_permissions.add(Permission.objects.get(codename="override_eligibility"))
    page = client.get(reverse("desk:request_detail", args=[filed.pk])).content.decode()
    approve = page.split('id="approve"', 1)[1].split("</form>", 1)[0]
    assert "disabled" not in approve
