"""``sellergate bulk import``, run as operators run it (its own process, a real file):
the same processing and result file as an upload, a progress bar on a terminal and
lines in a pipe, and exit status 0 / 1 / 2 for done / done with row errors / refused."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest

from sellergate.bulk.models import BulkJob, JobSource, JobStatus
from sellergate.catalog.models import Product
from tests.bulk.files import write
from tests.factories import CategoryFactory, SellerFactory
from tests.processes import environment

pytestmark = pytest.mark.django_db(transaction=True)


def bulk_import(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sellergate", "bulk", "import", *args],
        env=environment(),
        capture_output=True,
        text=True,
        timeout=300,
    )


def items(category, count: int, *, bad: int = 0) -> list[dict]:
    rows = [
        {
            "seller_unique_item_id": f"CLI-{n:06d}",
            "category_number": category.code,
            "item_name": f"商品{n}",
            "price_yen": 1000 + n % 500,
            "quantity": n % 7,
        }
        for n in range(count)
    ]
    for n in range(bad):
        rows[n]["price_yen"] = "千円"
    return rows


def test_a_file_is_processed_as_an_upload_and_the_pipe_gets_lines(tmp_path) -> None:
    seller, category = SellerFactory(login_id="shop-cli"), CategoryFactory()
    path = write(tmp_path / "items.csv", items(category, 25_000))
    done = bulk_import("--seller", "shop-cli", str(path))
    assert done.returncode == 0, done.stderr
    job = BulkJob.objects.get(seller=seller)
    assert (job.source, job.status, job.ok_rows) == (JobSource.CLI, JobStatus.DONE, 25_000)
    assert Product.objects.of(seller).count() == 25_000
    lines = done.stdout.splitlines()
    progress = [line for line in lines[:-2] if "25000" in line]  # as lines, not a bar
    assert any("10000" in line for line in progress), lines
    assert f"#{job.pk}" in lines[-2]
    assert lines[-1].endswith(job.result_path)
    assert os.path.exists(job.result_path)


def test_row_errors_end_with_status_1_and_a_refused_file_with_2(tmp_path) -> None:
    seller, category = SellerFactory(login_id="shop-cli2"), CategoryFactory()
    mixed = bulk_import(
        "--seller", "shop-cli2", str(write(tmp_path / "m.csv", items(category, 5, bad=2)))
    )
    assert mixed.returncode == 1, mixed.stderr
    assert Product.objects.of(seller).count() == 3
    stock = tmp_path / "stock.csv"
    stock.write_text("item_number,edit_type,Price,quantity\r\n1,g,100,1\r\n", encoding="utf-8")
    refused = bulk_import("--seller", "shop-cli2", str(stock))  # a price/stock file as items
    assert refused.returncode == 2
    assert "inventory/" in refused.stderr
    assert BulkJob.objects.filter(seller=seller, status=JobStatus.FAILED).count() == 1


def test_an_unknown_seller_or_a_missing_file_is_refused_before_anything(tmp_path) -> None:
    unknown = bulk_import("--seller", "nobody", str(tmp_path / "x.csv"))
    assert unknown.returncode == 2
    assert "nobody" in unknown.stderr
    SellerFactory(login_id="shop-cli3")
    missing = bulk_import("--seller", "shop-cli3", str(tmp_path / "none.csv"))
    assert missing.returncode == 2
    assert not BulkJob.objects.exists()


def test_a_terminal_gets_a_progress_bar(tmp_path) -> None:
    SellerFactory(login_id="shop-tty")
    path = write(tmp_path / "items.csv", items(CategoryFactory(), 3_000))
    main, child = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "sellergate", "bulk", "import", "--seller", "shop-tty", str(path)],
        env=environment(),
        stdin=child,
        stdout=child,
        stderr=child,
    )
    os.close(child)
    output = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closed: the command ended
            break
        if not chunk:
            break
        output += chunk
    assert process.wait(timeout=300) == 0
    text = output.decode(errors="replace")
    assert "100%" in text
    assert "3000/3000" in text
