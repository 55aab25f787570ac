"""At a phone's width (390 x 844) no page of the bulk page, the API keys, the desk queue
or the seller list pushes the page sideways: wide tables scroll in their own box.
Screenshots of each are kept in the test's tmp dir (``SELLERGATE_SHOTS`` to keep them
elsewhere) for a person to look at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from sellergate.core.actors import Actor
from sellergate.credentials import api_keys
from tests.browser.test_standing import log_in
from tests.factories import (
    BulkJobFactory,
    OperatorFactory,
    SellerFactory,
    SellerUserFactory,
    access_request,
    granted_seller,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def overflow(page) -> tuple[int, list[str]]:
    """How far the page reaches past the screen's width, in CSS pixels, and the
    outermost elements that do (to say what to fix)."""
    return page.evaluate(
        """() => {
          const width = window.innerWidth;
          const past = [...document.querySelectorAll("body *")].filter((e) => {
            const box = e.getBoundingClientRect();
            return box.right > width + 1 && !e.closest(".table-scroll");
          });
          const outer = past.filter((e) => !past.includes(e.parentElement));
          return [document.documentElement.scrollWidth - width,
                  outer.map((e) => e.tagName.toLowerCase() + "." + e.className).slice(0, 5)];
        }"""
    )


@pytest.fixture
def phone(browser: Browser):
    context = browser.new_context(viewport=PHONE, locale="ja-JP", timezone_id="Asia/Tokyo")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_nothing_overflows_a_phones_width(phone, live_server, tmp_path) -> None:
    shots = Path(os.environ.get("SELLERGATE_SHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    seller = granted_seller(login_id="shop-phone-with-a-long-login-id")
    user = SellerUserFactory(seller=seller)
    for name in ("受注管理システム連携用（本番環境・毎時同期）", "在庫連動 staging"):
        api_keys.api_key_create(actor=Actor.system("t"), seller=seller, name=name)
    BulkJobFactory(
        seller=seller, file_name="Qoo10_EditItemList_2026-12-01_全商品_最終版_修正済み.xlsx"
    )
    for n in range(3):
        access_request(SellerFactory(login_id=f"shop-phone-{n}-long-login"))
    log_in(phone, f"{live_server.url}/seller/", user.username)
    wide = {}
    for name, path in (("bulk", "/seller/products/bulk/"), ("api-keys", "/seller/api-keys/")):
        phone.goto(f"{live_server.url}{path}")
        phone.screenshot(path=shots / f"phone-{name}.png", full_page=True)
        wide[name] = overflow(phone)
    phone.context.clear_cookies()
    log_in(phone, f"{live_server.url}/desk/", OperatorFactory().username)
    for name, path in (("desk-sellers", "/desk/sellers/"), ("desk-queue", "/desk/")):
        phone.goto(f"{live_server.url}{path}")
        phone.screenshot(path=shots / f"phone-{name}.png", full_page=True)
        wide[name] = overflow(phone)
    assert {name: found[0] for name, found in wide.items()} == dict.fromkeys(wide, 0), wide
