"""The product list and page as a seller uses them, at a desk's width and a phone's:
search with the form, open an item, read its options; nothing pushes the page sideways.
Screenshots are kept (``SELLERGATE_SHOTS``, else the test's tmp dir) for a person."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_phone_width import overflow
from tests.browser.test_standing import log_in
from tests.factories import ProductFactory, SellerUserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_seller_finds_an_item_and_reads_its_options(sized_page, live_server) -> None:
    user = SellerUserFactory()
    options = [
        {
            "name1": "カラー",
            "value1": "藍",
            "name2": "サイズ",
            "value2": "大",
            "price": 0,
            "qty": 2,
        },
        {
            "name1": "カラー",
            "value1": "白",
            "name2": "サイズ",
            "value2": "小",
            "price": 300,
            "qty": 5,
        },
    ]
    wanted = ProductFactory(
        seller=user.seller,
        seller_code="TEA-CUP-2026-WINTER-LIMITED-EDITION",
        title="有田焼 湯呑み 冬の限定版 藍と白の二色組",
        options=options,
        quantity=7,
    )
    for n in range(60):
        ProductFactory(seller=user.seller, seller_code=f"PLATE-{n:03d}", title=f"小皿 {n}")
    page = sized_page.page
    log_in(page, f"{live_server.url}/seller/", user.username)
    page.goto(f"{live_server.url}/seller/products/bulk/")
    page.get_by_role("link", name="商品一覧").first.click()
    expect(page.locator("tr[data-product]")).to_have_count(50)  # 61 items, 50 a page
    sized_page.shot("products")
    assert overflow(page)[0] == 0, overflow(page)
    page.get_by_label("販売者商品コード、商品コードまたは商品名").fill("tea-cup")
    page.get_by_role("button", name="検索").click()
    expect(page.locator("tr[data-product]")).to_have_count(1)
    page.get_by_role("link", name=wanted.seller_code).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(wanted.title)
    expect(page.locator("table.options tbody tr")).to_have_count(2)
    expect(page.get_by_text("在庫数はオプションの在庫の合計（7）です。")).to_be_visible()
    sized_page.shot("product")
    assert overflow(page)[0] == 0, overflow(page)
