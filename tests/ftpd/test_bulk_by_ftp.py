"""The FTP drop end to end: a CP932 CSV put with lftp over FTPS into item/, processed by
the worker, and its result file fetched back from results/ with lftp."""

from __future__ import annotations

import time

import pytest
from django.conf import settings

from sellergate.bulk.models import BulkJob
from sellergate.catalog.models import Product
from tests.factories import CategoryFactory
from tests.ftpd.clients import lftp
from tests.processes import running_worker

pytestmark = pytest.mark.django_db(transaction=True)


def test_lftp_upload_is_processed_and_its_result_fetched(ftp_server, tmp_path) -> None:
    account, password = ftp_server.account()
    category = CategoryFactory()
    source = tmp_path / "商品一括.csv"
    source.write_bytes(
        (
            "item_number,seller_unique_item_id,category_number,item_name,price_yen,quantity\r\n"
            f",KAMA-1,{category.code},南部鉄器 急須,8800,4\r\n"
            f",KAMA-2,{category.code},南部鉄器 鉄瓶,,2\r\n"
        ).encode("cp932")
    )
    with running_worker(SELLERGATE_FTP_ROOT=str(settings.FTP_ROOT)):
        put = lftp(ftp_server, account, password, f"put {source} -o item/{source.name}")
        assert put.returncode == 0, put.stderr
        deadline = time.monotonic() + 30
        while BulkJob.objects.get().status != "done":
            assert time.monotonic() < deadline, BulkJob.objects.get().status
            time.sleep(0.2)
    job = BulkJob.objects.get()
    assert (job.ok_rows, job.error_rows) == (1, 1)
    assert Product.objects.get(seller=account.seller).title == "南部鉄器 急須"

    listing = lftp(ftp_server, account, password, "cls -1 results/")
    assert listing.returncode == 0, listing.stderr
    [name] = listing.stdout.split()
    assert name.startswith("results/商品一括.")
    assert name.endswith(".csv")
    got = lftp(ftp_server, account, password, f"get {name} -o {tmp_path / 'result.csv'}")
    assert got.returncode == 0, got.stderr
    result = (tmp_path / "result.csv").read_bytes().decode("cp932")
    assert ",OK,created," in result
    assert ",ERROR," in result
    assert "price_yen" in result
    # results/ is read-only to the seller.
    denied = lftp(ftp_server, account, password, f"rm {name}")
    assert denied.returncode != 0
