"""In a real browser: a seller sees what to fix; an operator sees every seller's standing."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.factories import (
    PASSWORD,
    CustomerQuestionFactory,
    LateOrderFactory,
    OperatorFactory,
    SellerFactory,
    SellerUserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page: Page, url: str, username: str) -> None:
    page.goto(url)
    page.get_by_label("ユーザーID").fill(username)
    page.get_by_label("パスワード").fill(PASSWORD)
    page.get_by_role("button", name="ログイン").click()


def test_a_seller_sees_each_failed_condition_with_its_reason(page: Page, live_server) -> None:
    seller = SellerFactory(shop_name="やまびこ食品", service_points=-3)
    LateOrderFactory(seller=seller, order_no="1001")
    CustomerQuestionFactory(seller=seller, question_no="Q77")
    user = SellerUserFactory(seller=seller)

    log_in(page, f"{live_server.url}/seller/", user.username)

    expect(page.get_by_role("heading", name="API・FTPご利用条件")).to_be_visible()
    failed = page.locator("li.condition.fail")
    expect(failed).to_have_count(3)
    expect(page.locator('[data-condition="service_points"]')).to_contain_text(
        "サービスポイント：-3点"
    )
    expect(page.locator('[data-condition="late_shipments"]')).to_contain_text(
        "発送遅延：1件 — 注文番号 1001"
    )
    expect(page.locator('[data-condition="late_shipments"] .fix')).to_be_visible()
    expect(page.locator('[data-condition="unanswered_questions"]')).to_contain_text(
        "問合せ番号 Q77"
    )
    expect(page.locator('[data-condition="review"]')).to_have_class("condition pass")

    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="Conditions for using the API and FTP")).to_be_visible()
    expect(page.locator('[data-condition="late_shipments"]')).to_contain_text(
        "Late shipments: 1 — orders 1001"
    )


def test_an_operator_sees_the_seller_list(page: Page, live_server) -> None:
    SellerFactory(login_id="shop-good")
    LateOrderFactory(seller=SellerFactory(login_id="shop-late"))
    operator = OperatorFactory()

    log_in(page, f"{live_server.url}/desk/sellers/", operator.username)

    rows = page.locator("table.sellers tbody tr")
    expect(rows).to_have_count(2)
    expect(page.locator('tr[data-seller="shop-good"] .standing')).to_contain_text("条件適合")
    expect(page.locator('tr[data-seller="shop-late"] .standing')).to_contain_text("条件不適合")

    page.get_by_label("条件").select_option("blocked")
    page.get_by_role("button", name="絞り込み").click()
    expect(rows).to_have_count(1)
    page.get_by_role("link", name="shop-late").click()
    expect(page.locator('[data-condition="late_shipments"]')).to_contain_text("発送遅延：1件")


def test_a_seller_cannot_open_the_desk(page: Page, live_server) -> None:
    user = SellerUserFactory()
    log_in(page, f"{live_server.url}/seller/", user.username)
    page.goto(f"{live_server.url}/desk/")
    expect(page.get_by_role("heading", name="オペレーターデスク ログイン")).to_be_visible()


def test_the_pages_are_styled(page: Page, live_server) -> None:
    response = page.goto(f"{live_server.url}/seller/login/")
    assert response is not None
    assert response.ok
    stylesheet = page.locator("link[rel=stylesheet]").get_attribute("href")
    assert stylesheet is not None
    css = page.request.get(f"{live_server.url}{stylesheet}")
    assert css.ok
    assert ".condition" in css.text()
