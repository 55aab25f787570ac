"""Bulk registration benchmark (not a test): rows per second and peak memory.

    uv run python bench/bulk.py [--rows 100000] [--memory-rows 1000000] [--xlsx-rows 1000000]

In a scratch data directory on SQLite: writes an item file of N new items (CSV, UTF-8),
processes it as a job the way the worker does, in a process of its own, and prints the
time, rows/s and that process's peak RSS. The ceiling it is compared with is the same
rows inserted as the job inserts them (one prepared INSERT run with executemany) with no
checks at all (what the database can take at best); Django's bulk_create is printed
beside it. --memory-rows runs a second, larger file for peak RSS alone. --xlsx-rows
writes the same rows as an XLSX workbook (openpyxl, as Excel lays one out: shared
strings), prints what the pre-openpyxl check measures of it against its limits (the
largest honest workbook the limits must let through), and processes it as a job.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

RUN = r"""
import django, json, resource, sys, time
django.setup()
from sellergate.core.actors import Actor
from sellergate.bulk import processing
from sellergate.bulk.models import BulkJob
from sellergate.catalog.models import Category, Product
from sellergate.sellers.services import seller_create

mode, path, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
seller = seller_create(actor=Actor.system("bench"), login_id=f"bench-{mode}-{rows}", shop_name="b",
                       contact_email="b@example.com")
category, _ = Category.objects.get_or_create(code="300000001", defaults={"name": "マグ"})
started = time.perf_counter()
if mode in ("ceiling", "orm"):
    from django.db import transaction
    from sellergate.catalog.batch import _insert
    insert = _insert if mode == "ceiling" else Product.objects.bulk_create
    batch = []
    for n in range(rows):
        batch.append(Product(seller=seller, item_code=f"{mode}-{n}", seller_code=f"SKU-{n}",
                             title=f"品 {n}", category=category, price=100 + n, quantity=1))
        if len(batch) == processing.BATCH:  # the job's own transaction size
            with transaction.atomic():
                insert(batch)
            batch = []
    with transaction.atomic():
        insert(batch)
    result = {"rows": rows}
else:
    job = BulkJob.objects.create(seller=seller, source="cli", kind="item",
                                 file_name=path.rsplit("/", 1)[-1], stored_path=path, size=0,
                                 status="queued")
    job = processing.process(job.pk)
    result = {"rows": job.processed_rows, "ok": job.ok_rows, "status": job.status}
result["seconds"] = time.perf_counter() - started
result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result))
"""


def write_items(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(item_rows(rows))


def item_rows(rows: int):  # type: ignore[no-untyped-def]
    yield [
        "item_number",
        "seller_unique_item_id",
        "category_number",
        "item_name",
        "price_yen",
        "quantity",
        "search_keyword",
    ]
    for n in range(rows):
        yield [
            "",
            f"SKU-{n:07d}",
            "300000001",
            f"和食器 {n}",
            100 + n % 5000,
            n % 100,
            "マグ$$和食器",
        ]


def write_xlsx(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("items")
    for row in item_rows(rows):
        sheet.append(row)
    book.save(path)


def xlsx_parts(path: Path, env: dict[str, str]) -> str:
    """The workbook as bulk/archive.py measures it, beside the limits in force."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = archive.infolist()
    biggest = max(parts, key=lambda p: p.file_size)
    total = sum(p.file_size for p in parts)
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.BULK_XLSX_MAX_ENTRIES, s.BULK_XLSX_MAX_PART_BYTES, "
        "s.BULK_XLSX_MAX_TOTAL_BYTES, s.BULK_XLSX_MAX_RATIO]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    entries, part_limit, total_limit, ratio_limit = json.loads(out.stdout.strip().splitlines()[-1])
    mib = 1024 * 1024
    return (
        f"{path.stat().st_size / mib:.1f} MiB file, {len(parts)} parts (limit {entries}); "
        f"largest {biggest.filename} {biggest.file_size / mib:.0f} MiB unpacked "
        f"(limit {part_limit / mib:.0f}), ratio {biggest.file_size / biggest.compress_size:.1f} "
        f"(limit {ratio_limit}); all parts {total / mib:.0f} MiB (limit {total_limit / mib:.0f})"
    )


def run(mode: str, path: Path, rows: int, env: dict[str, str]) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", RUN, mode, str(path), str(rows)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument(
        "--memory-rows",
        type=int,
        default=0,
        help="also process a file this long, for peak RSS (e.g. 1000000)",
    )
    parser.add_argument(
        "--xlsx-rows", type=int, default=0, help="also an XLSX workbook this long (e.g. 1000000)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sellergate-bench-") as scratch:
        env = {
            **os.environ,
            "SELLERGATE_DATA_DIR": scratch,
            "SELLERGATE_LOG_LEVEL": "WARNING",
            "DJANGO_SETTINGS_MODULE": "sellergate.settings",
        }
        env.pop("DATABASE_URL", None)
        subprocess.run([sys.executable, "-m", "sellergate", "migrate", "-v0"], env=env, check=True)
        path = Path(scratch) / "items.csv"
        write_items(path, args.rows)
        ceiling = run("ceiling", path, args.rows, env)
        orm = run("orm", path, args.rows, env)
        job = run("job", path, args.rows, env)
        print(f"{args.rows} new items, SQLite, transactions of 1 000 rows")
        for name, figures in (
            ("ceiling (executemany, no checks)", ceiling),
            ("Django bulk_create, no checks   ", orm),
        ):
            print(
                f"{name}: {figures['seconds']:6.1f} s  {args.rows / figures['seconds']:8.0f} rows/s"
            )
        print(
            f"bulk job (checked, result file) : {job['seconds']:6.1f} s  "
            f"{args.rows / job['seconds']:8.0f} rows/s  peak RSS {job['peak_rss_mb']:.0f} MB"
            f"  ({job['ok']} applied)"
        )
        print(f"job / ceiling: {ceiling['seconds'] / job['seconds']:.2f}")
        if args.memory_rows:
            big = Path(scratch) / "big.csv"
            write_items(big, args.memory_rows)
            memory = run("job", big, args.memory_rows, env)
            print(
                f"{args.memory_rows} rows: {memory['seconds']:.0f} s, peak RSS "
                f"{memory['peak_rss_mb']:.0f} MB ({memory['ok']} applied)"
            )

        if args.xlsx_rows:
            book = Path(scratch) / "big.xlsx"
            write_xlsx(book, args.xlsx_rows)
            print(f"{args.xlsx_rows} rows as XLSX: " + xlsx_parts(book, env))
            parsed = run("job", book, args.xlsx_rows, env)
            print(
                f"{args.xlsx_rows} rows as XLSX: {parsed['seconds']:.0f} s, "
                f"{args.xlsx_rows / parsed['seconds']:.0f} rows/s, peak RSS "
                f"{parsed['peak_rss_mb']:.0f} MB ({parsed['ok']} applied, {parsed['status']})"
            )


if __name__ == "__main__":
    main()
