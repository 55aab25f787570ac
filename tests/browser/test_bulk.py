"""In a real browser: a CP932 CSV dropped on the 商品の一括登録/修正 page, processed by the
worker while the page follows the job, and its result file downloaded."""

from __future__ import annotations

import base64
import time

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from sellergate.catalog.models import Product
from tests.browser.test_standing import log_in
from tests.factories import CategoryFactory, SellerUserFactory
from tests.processes import running_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DROP = """([name, b64]) => {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const transfer = new DataTransfer();
  transfer.items.add(new File([bytes], name, { type: "text/csv" }));
  return transfer;
}"""


def test_a_dropped_file_is_processed_while_the_page_follows_it(page: Page, live_server) -> None:
    with running_worker(SELLERGATE_FTP_ROOT=str(settings.FTP_ROOT)):
        user = SellerUserFactory()
        category = CategoryFactory()
        lines = ["seller_unique_item_id,item_number,category_number,item_name,price_yen,quantity"]
        lines += [f"SKU-{n},,{category.code},和食器 {n},{1000 + n},{n}" for n in range(300)]
        lines.append("BAD,,,名前だけ,,")
        content = ("\r\n".join(lines) + "\r\n").encode("cp932")

        log_in(page, f"{live_server.url}/seller/", user.username)
        page.goto(f"{live_server.url}/seller/products/bulk/")
        transfer = page.evaluate_handle(
            DROP, ["和食器一括.csv", base64.b64encode(content).decode()]
        )
        page.dispatch_event("#dropzone", "drop", {"dataTransfer": transfer})
        expect(page.locator("#dropzone p").first).to_have_text("和食器一括.csv")
        page.get_by_role("button", name="アップロード").click()
        uploaded_at = time.monotonic()

        row = page.locator("table.jobs tr[data-job]").first
        expect(row).to_contain_text("和食器一括.csv")
        # The table follows the job without a reload, to its end.
        expect(row).to_have_attribute("data-status", "done", timeout=30_000)
        print(f"upload to done on the page: {time.monotonic() - uploaded_at:.1f} s")
        expect(row.locator(".counts")).to_contain_text("301 / 301")
        expect(row.locator(".counts")).to_contain_text("300")
        assert Product.objects.filter(seller=user.seller).count() == 300

        with page.expect_download() as download:
            row.locator("a.result").click()
        result = download.value.path().read_bytes().decode("cp932")
        assert result.splitlines()[0].startswith("row,status")
        assert result.count(",OK,") == 300
        assert ",ERROR," in result
