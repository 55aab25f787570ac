"""The whole journey of the seller guide, once, end to end, on PostgreSQL: real browser,
real HTTP client, real FTP client, real worker and FTP server processes.

A seller logs in, asks the desk for an API key and applies for the FTP permission; an
operator approves both on a business day; the seller issues and copies the key, obtains a
seller authorization key and calls the API over HTTP; takes the FTP user and password
from 【FTP接続でアップロード】; puts a Shift_JIS (CP932) CSV with lftp over FTPS; sees the
job finish on 商品の一括登録/修正; finds the products through the API; and fetches the
result file back by FTP.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from playwright.sync_api import Browser, Page, expect

from tests.browser.test_requests import new_page
from tests.browser.test_standing import log_in
from tests.factories import (
    API_PURPOSE,
    PASSWORD,
    CategoryFactory,
    OperatorFactory,
    SellerUserFactory,
)
from tests.ftpd.clients import lftp
from tests.ftpd.conftest import started_ftp_server
from tests.processes import running_worker
from tests.qapi.client import QapiClient, http_transport

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason=(
            "the journey runs on PostgreSQL (Debian's postgresql): "
            "scripts/with-postgres uv run pytest"
        ),
    ),
]

MONDAY = dt.datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Asia/Tokyo"))


def test_the_sellers_whole_journey(browser: Browser, page: Page, live_server, tmp_path) -> None:
    base = live_server.url
    category = CategoryFactory()
    with (
        running_worker(SELLERGATE_FTP_ROOT=str(settings.FTP_ROOT)),
        started_ftp_server(tmp_path) as ftp_server,
        time_machine.travel(MONDAY, tick=True),
    ):
        user = SellerUserFactory()
        operator = OperatorFactory()

        # 1. The seller asks the desk for an API key and applies for FTP.
        log_in(page, f"{base}/seller/", user.username)
        page.get_by_role("link", name="お問い合わせ").click()
        page.get_by_role("link", name="API・FTP・QSM権限").click()
        page.get_by_label("API利用目的").fill(API_PURPOSE)
        page.get_by_label("API連動会社名").fill("株式会社サンプル連携")
        page.get_by_role("button", name="送信").click()
        expect(page.locator(".status")).to_have_text("受付済み")
        api_request = page.url.rstrip("/").rsplit("/", 1)[-1]

        page.get_by_role("link", name="販売者権限の管理").click()
        page.get_by_role("link", name="申請", exact=True).click()
        page.get_by_label("利用目的").fill(
            "商品の一括登録ファイルを毎晩FTPでアップロードして商品情報を更新するため"
        )
        page.get_by_label("連動クライアント（会社）名").fill("自社開発")
        page.get_by_label("案内事項と開設条件を確認しました。").check()
        page.get_by_role("button", name="送信").click()
        expect(page.locator(".status")).to_have_text("受付済み")
        ftp_request = page.url.rstrip("/").rsplit("/", 1)[-1]

        # 2. The operator approves both, on a Monday.
        desk = new_page(browser)
        log_in(desk, f"{base}/desk/", operator.username)
        desk.goto(f"{base}/desk/requests/{api_request}/")
        desk.locator("#approve").get_by_role("button", name="承認").click()
        expect(desk.locator(".status")).to_have_text("発行済み")
        desk.goto(f"{base}/desk/requests/{ftp_request}/")
        desk.locator("#approve").get_by_role("button", name="承認").click()
        expect(desk.locator(".status")).to_have_text("承認済み")

        # 3. The seller issues the key, copies it, and calls the API with it over HTTP.
        page.goto(f"{base}/seller/")
        page.get_by_role("link", name="API key", exact=True).click()
        page.get_by_label("名前").fill("受注管理システム")
        page.get_by_role("button", name="キーを発行").click()
        api_key = page.locator("#token").inner_text()
        page.get_by_role("link", name="キーをコピーしました").click()

        api = QapiClient(http_transport(base), style="path")
        sak = api.ok(
            "CertificationAPI.CreateCertificationKey", api_key, user_id=user.username, pwd=PASSWORD
        )
        assert api.ok("ItemsLookup.GetAllGoodsInfo", sak)["TotalItems"] == 0

        # 4. 商品管理 > 商品の一括登録/修正 > 【FTP接続でアップロード】: user and password.
        page.goto(f"{base}/seller/products/bulk/")
        page.get_by_role("link", name="【FTP接続でアップロード】").click()
        expect(page.locator("#ftp-active")).to_be_visible(timeout=20_000)
        ftp_user = page.locator("#ftp-user").inner_text()
        page.get_by_role("button", name="パスワードを発行").click()
        ftp_password = page.locator("#ftp-password").inner_text()
        account = SimpleNamespace(username=ftp_user)

        # 5. lftp puts a Shift_JIS CSV over FTPS.
        source = tmp_path / "夜間一括.csv"
        source.write_bytes(
            (
                "item_number,seller_unique_item_id,category_number,item_name,price_yen,quantity\r\n"
                f",KYU-1,{category.code},常滑焼 急須,6600,5\r\n"
                f",KYU-2,{category.code},萬古焼 土鍋,9900,2\r\n"
                f",KYU-3,{category.code},価格のない品,,1\r\n"
            ).encode("cp932")
        )
        put = lftp(ftp_server, account, ftp_password, f"put {source} -o item/{source.name}")
        assert put.returncode == 0, put.stderr

        # 6. The job finishes on the page (which follows it without a reload).
        page.goto(f"{base}/seller/products/bulk/")
        row = page.locator("table.jobs tr[data-job]").first
        expect(row).to_contain_text("夜間一括.csv")
        expect(row).to_have_attribute("data-status", "done", timeout=30_000)
        expect(row.locator(".counts")).to_contain_text("3 / 3")

        # 7. The products, through the API.
        listed = api.ok("ItemsLookup.GetAllGoodsInfo", sak)
        assert listed["TotalItems"] == 2
        names = {item["ItemTitle"] for item in listed["Items"]}
        assert names == {"常滑焼 急須", "萬古焼 土鍋"}

        # 8. The result file, by FTP.
        listing = lftp(ftp_server, account, ftp_password, "cls -1 results/")
        assert listing.returncode == 0, listing.stderr
        [name] = listing.stdout.split()
        got = lftp(ftp_server, account, ftp_password, f"get {name} -o {tmp_path / 'r.csv'}")
        assert got.returncode == 0, got.stderr
        result = (tmp_path / "r.csv").read_bytes().decode("cp932")
        assert result.count(",OK,created,") == 2
        assert ",ERROR," in result
        assert "price_yen" in result
