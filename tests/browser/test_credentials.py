"""In a real browser: approval → the API key shown once; approval of FTP with the worker
running → the panel shows the account ACTIVE within seconds, and its password works."""

from __future__ import annotations

import datetime as dt
import time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from playwright.sync_api import Browser, Page, expect

from sellergate.credentials.ftp_authentication import ftp_authenticate
from sellergate.credentials.verification import verify_api_key
from tests.browser.test_requests import new_page
from tests.browser.test_standing import log_in
from tests.factories import OperatorFactory, SellerUserFactory, access_request
from tests.processes import running_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MONDAY = dt.datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Asia/Tokyo"))


def test_an_approved_api_key_is_shown_once(browser: Browser, page: Page, live_server) -> None:
    with time_machine.travel(MONDAY, tick=True):
        user = SellerUserFactory()
        request = access_request(user.seller, user=user)
        desk = new_page(browser)
        log_in(desk, f"{live_server.url}/desk/", OperatorFactory().username)
        desk.goto(f"{live_server.url}/desk/requests/{request.pk}/")
        desk.locator("#approve").get_by_role("button", name="承認").click()
        expect(desk.locator(".status")).to_have_text("発行済み")

        log_in(page, f"{live_server.url}/seller/", user.username)
        page.get_by_role("link", name="API key", exact=True).click()
        page.get_by_label("名前").fill("受注管理システム")
        page.get_by_role("button", name="キーを発行").click()
        expect(page.locator("#new-key-shown")).to_contain_text("一度だけ表示されます")
        token = page.locator("#token").inner_text()
        assert verify_api_key(token).seller_id == user.seller_id

        page.get_by_role("link", name="キーをコピーしました").click()
        expect(page.locator("table.keys")).to_contain_text(f"sgk_…{token[-4:]}")
        page.reload()
        expect(page.locator("table.keys")).to_contain_text(f"sgk_…{token[-4:]}")
        assert token not in page.content()


def test_an_approved_ftp_application_becomes_active_within_seconds(
    browser: Browser, page: Page, live_server
) -> None:
    with (
        running_worker(SELLERGATE_FTP_ROOT=str(settings.FTP_ROOT)),
        time_machine.travel(MONDAY, tick=True),
    ):
        user = SellerUserFactory()
        request = access_request(user.seller, user=user, kind="ftp")
        log_in(page, f"{live_server.url}/seller/", user.username)
        page.goto(f"{live_server.url}/seller/products/bulk/")
        page.get_by_role("link", name="【FTP接続でアップロード】").click()
        expect(page.locator("#ftp-none")).to_contain_text("申請を処理中です")

        desk = new_page(browser)
        log_in(desk, f"{live_server.url}/desk/", OperatorFactory().username)
        desk.goto(f"{live_server.url}/desk/requests/{request.pk}/")
        desk.locator("#approve").get_by_role("button", name="承認").click()
        expect(desk.locator(".status")).to_have_text("承認済み")

        approved_at = time.monotonic()
        page.reload()
        # Still provisioning ("FTP情報の反映まで少々お待ちください", a page that refreshes
        # itself) or already active: the worker is that quick.
        expect(page.locator("#ftp-provisioning, #ftp-active")).to_be_visible()
        expect(page.locator("#ftp-active")).to_be_visible(timeout=15_000)
        print(f"approval to ACTIVE on the panel: {time.monotonic() - approved_at:.1f} s")
        username = page.locator("#ftp-user").inner_text()
        page.get_by_role("button", name="パスワードを発行").click()
        password = page.locator("#ftp-password").inner_text()
        assert ftp_authenticate(username, password).seller_id == user.seller_id
        expect(page.locator("#lftp-command")).to_contain_text(f"lftp -u {username}")
