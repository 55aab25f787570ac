"""In a real browser, the whole request flow of the guide, with the e-mails it sends.

A seller files an API key request and an FTP application; the desk asks about one, the
seller answers; the desk approves one and rejects the other with a reason; the seller
sees both outcomes.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from sellergate.access.models import AccessRequest
from tests.browser.test_standing import log_in
from tests.factories import API_PURPOSE, OperatorFactory, SellerUserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A Monday, 10:00 in Tokyo: a business day, so the desk may approve.
MONDAY = dt.datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Asia/Tokyo"))


def new_page(browser: Browser) -> Page:
    context = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
    context.set_default_timeout(10_000)
    return context.new_page()


def test_request_flow_from_the_sellers_form_to_the_desks_decisions(
    browser: Browser, page: Page, live_server
) -> None:
    with time_machine.travel(MONDAY, tick=True):
        seller_user = SellerUserFactory(email="shop-user@example.com")
        operator = OperatorFactory(email="desk@example.com")
        base = live_server.url

        # The seller: お問い合わせ > [システム] > [API・FTP・QSM権限] — the API key request.
        log_in(page, f"{base}/seller/", seller_user.username)
        page.get_by_role("link", name="お問い合わせ").click()
        page.get_by_role("link", name="API・FTP・QSM権限").click()
        expect(page.get_by_label("販売店ID")).to_have_value(seller_user.seller.login_id)
        page.get_by_label("API利用目的").fill("テスト")
        page.get_by_label("API連動会社名").fill("株式会社サンプル連携")
        page.get_by_role("button", name="送信").click()
        expect(page.locator(".errorlist")).to_contain_text(
            "「テスト」では利用目的が明確ではありません"
        )
        page.get_by_label("API利用目的").fill(API_PURPOSE)
        page.get_by_role("button", name="送信").click()
        expect(page.locator(".status")).to_have_text("受付済み")
        expect(page.locator(".due")).to_contain_text("2026-11-30")

        # 基本情報 > 販売者権限の管理 > FTP接続権限.
        page.get_by_role("link", name="販売者権限の管理").click()
        page.get_by_role("link", name="申請", exact=True).click()
        expect(page.locator("#guidance")).to_contain_text("FTP開設条件")
        page.get_by_label("利用目的").fill(
            "商品の一括登録ファイルを毎晩FTPでアップロードして商品情報を更新するため"
        )
        page.get_by_label("連動クライアント（会社）名").fill("自社開発")
        page.get_by_label("備考").fill("夜間バッチで接続します")
        page.get_by_label("案内事項と開設条件を確認しました。").check()
        page.get_by_role("button", name="送信").click()
        expect(page.locator(".status")).to_have_text("受付済み")

        api_request = AccessRequest.objects.get(kind="api_key")
        ftp_request = AccessRequest.objects.get(kind="ftp")

        # The desk asks about the FTP application.
        desk = new_page(browser)
        log_in(desk, f"{base}/desk/", operator.username)
        desk.get_by_role("link", name="申請キュー").click()
        expect(desk.locator("table.requests tbody tr")).to_have_count(2)
        desk.get_by_role("link", name=f"#{ftp_request.pk}").click()
        desk.get_by_label("販売者への質問").fill("接続元のIPアドレスを教えてください")
        desk.get_by_role("button", name="質問を送信").click()
        expect(desk.locator(".status")).to_have_text("ご回答待ち")

        # The seller answers.
        page.goto(f"{base}/seller/requests/{ftp_request.pk}/")
        expect(page.locator("#thread")).to_contain_text("接続元のIPアドレスを教えてください")
        page.get_by_label("メッセージ").fill("203.0.113.10 です")
        page.get_by_role("button", name="回答を送信").click()
        expect(page.locator(".status")).to_have_text("受付済み")

        # The desk approves the API key request and rejects the FTP application.
        desk.goto(f"{base}/desk/requests/{api_request.pk}/")
        desk.locator("#approve").get_by_role("button", name="承認").click()
        expect(desk.locator(".status")).to_have_text("発行済み")
        desk.goto(f"{base}/desk/requests/{ftp_request.pk}/")
        expect(desk.locator("#thread")).to_contain_text("203.0.113.10 です")
        desk.get_by_label("理由（販売者に表示されます）").fill(
            "接続元の確認が取れないため、今回は承認できません"
        )
        desk.locator("#reject").get_by_role("button", name="却下").click()
        # A second step says what will happen, with the reason as typed, before it is done.
        expect(
            desk.get_by_role("heading", name=f"申請 #{ftp_request.pk} を却下しますか")
        ).to_be_visible()
        expect(desk.get_by_label("理由（販売者に送られます）")).to_have_value(
            "接続元の確認が取れないため、今回は承認できません"
        )
        desk.get_by_role("button", name="申請を却下する").click()
        expect(desk.locator(".status")).to_have_text("却下")

        # The seller sees both outcomes.
        page.get_by_role("link", name="申請一覧", exact=True).click()
        expect(page.locator(f'tr[data-request="{api_request.pk}"] .status')).to_have_text(
            "発行済み"
        )
        expect(page.locator(f'tr[data-request="{ftp_request.pk}"] .status')).to_have_text("却下")
        page.get_by_role("link", name=f"#{ftp_request.pk}").click()
        expect(page.locator("#decision")).to_contain_text("接続元の確認が取れないため")

    subjects = [(message.to[0], message.subject) for message in mail.outbox]
    to_seller = [subject for to, subject in subjects if to == seller_user.seller.contact_email]
    assert any("を受け付けました" in s for s in to_seller)
    assert any("についてのご質問" in s for s in to_seller)
    assert any(f"#{api_request.pk} が承認されました" in s for s in to_seller)
    assert any(f"#{ftp_request.pk} は承認されませんでした" in s for s in to_seller)
    assert sum("新しい申請" in subject for to, subject in subjects if to == "desk@example.com") == 2
