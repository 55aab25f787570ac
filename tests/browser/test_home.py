"""ホーム at a desk's width and a phone's: the to-do comes first and its links lead to
the request to answer and the job's result. Screenshots kept for a person."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from sellergate.access.services import request_ask
from sellergate.core.actors import Actor
from tests.browser.test_phone_width import overflow
from tests.browser.test_standing import log_in
from tests.factories import BulkJobFactory, SellerUserFactory, access_request

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_says_what_needs_doing_first(sized_page, live_server) -> None:
    user = SellerUserFactory()
    request = access_request(user.seller, user=user)
    request_ask(actor=Actor.system("desk"), request=request, message="連携先を教えてください")
    BulkJobFactory(
        seller=user.seller,
        status="done",
        file_name="商品一括_2026冬.xlsx",
        processed_rows=120,
        error_rows=4,
        finished_at=timezone.now(),
    )
    page = sized_page.page
    log_in(page, f"{live_server.url}/seller/", user.username)
    todo = page.locator("#todo")
    expect(todo.locator("li")).to_have_count(2)
    expect(todo.locator("li.urgent")).to_contain_text("サポートデスクから質問があります")
    expect(todo.locator("li[data-todo=job]")).to_contain_text("120行のうち4行にエラー")
    sized_page.shot("home")
    assert overflow(page)[0] == 0, overflow(page)
    if sized_page.label == "desk":  # a desk's screen holds the top bar on one row
        bar = page.locator("header.topbar").bounding_box()
        brand = page.locator("header.topbar .brand").bounding_box()
        assert bar is not None
        assert brand is not None
        parts = page.evaluate(
            "() => [...document.querySelectorAll('header.topbar > *, header.topbar nav > *')]"
            ".map(e => [e.tagName, e.className, Math.round(e.getBoundingClientRect().top),"
            " Math.round(e.getBoundingClientRect().height)])"
        )
        assert bar["height"] < brand["height"] * 2.5, parts  # which part wrapped
    todo.locator("li.urgent a").click()
    expect(page).to_have_url(f"{live_server.url}/seller/requests/{request.pk}/")
