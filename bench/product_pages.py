"""Seller-center product list benchmark (not a test): a catalog of N items, SQLite.

    uv run python bench/product_pages.py [--items 100000] [--runs 5]

In a scratch data directory: one seller with N items (inserted as the bulk job inserts
them), then the product list through the whole middleware stack in-process (Django's
test client, logged in): the first page, the last page, a search by seller item code,
one by a part of the name, and one item's page. Each is the median of --runs. The
ceiling, measured in the same run, is the list's own two queries (the count and the
page's rows) sent as SQL with no ORM, no template: what the database takes at best.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

RUN = r"""
import django, json, statistics, sys, time
django.setup()
from django.db import connection, transaction
from django.test import Client
from django.test.utils import setup_test_environment
from sellergate.accounts.services import seller_member_create
from sellergate.catalog.batch import _insert
from sellergate.catalog.models import Category, Product
from sellergate.core.actors import Actor
from sellergate.sellers.services import seller_create

items, runs = int(sys.argv[1]), int(sys.argv[2])
setup_test_environment()
actor = Actor.system("bench")
seller = seller_create(actor=actor, login_id="bench", shop_name="b", contact_email="b@x.jp")
user = seller_member_create(actor=actor, seller=seller, username="bench-user",
                            password="bench-password-1", email="u@example.com")
category = Category.objects.create(code="300000001", name="マグ")
batch = []
for n in range(items):
    batch.append(Product(seller=seller, item_code=str(100000000 + n),
                         seller_code=f"SKU-{n:07d}", title=f"和食器 マグ {n}",
                         category=category, price=100 + n, quantity=n % 7))
    if len(batch) == 1000:
        with transaction.atomic():
            _insert(batch)
        batch = []
with transaction.atomic():
    _insert(batch)
client = Client()
client.force_login(user)
last = (items + 49) // 50

def timed(fn):
    fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000

def get(query):
    def fetch():
        response = client.get("/seller/products/", query)
        assert response.status_code == 200, response.status_code
    return fetch

def sql(offset, where="", params=()):
    def run():
        with connection.cursor() as cursor:
            base = "FROM catalog_product WHERE seller_id = %s" + where
            cursor.execute("SELECT COUNT(*) " + base, [seller.pk, *params])
            cursor.fetchone()
            cursor.execute("SELECT id, item_code, seller_code, title, status, listing, price, "
                           "quantity, category_id " + base + " ORDER BY seller_code LIMIT 50 "
                           "OFFSET %s", [seller.pk, *params, offset])
            cursor.fetchall()
    return run

out = {
    "first page": (timed(get({})), timed(sql(0))),
    f"last page ({last})": (timed(get({"page": last})), timed(sql((last - 1) * 50))),
    "seller code SKU-00999": (timed(get({"q": "SKU-00999"})),
                              timed(sql(0, " AND seller_code LIKE %s", ("SKU-00999%",)))),
    "name part '99999'": (timed(get({"q": "99999"})),
                          timed(sql(0, " AND title LIKE %s", ("%99999%",)))),
}
item = Product.objects.filter(seller=seller).values_list("item_code", flat=True)[items // 2]
out["one item's page"] = (timed(lambda: client.get(f"/seller/products/item/{item}/")), None)
print(json.dumps(out))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sellergate-bench-") as scratch:
        env = {
            **os.environ,
            "SELLERGATE_DATA_DIR": scratch,
            "SELLERGATE_LOG_LEVEL": "WARNING",
            "DJANGO_SETTINGS_MODULE": "sellergate.settings",
        }
        env.pop("DATABASE_URL", None)
        for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
            subprocess.run([sys.executable, "-m", "sellergate", *command], env=env, check=True)
        run = subprocess.run(
            [sys.executable, "-c", RUN, str(args.items), str(args.runs)],
            env=env,
            capture_output=True,
            text=True,
        )
        if run.returncode:
            sys.exit(run.stderr)
        out = run.stdout
        figures = json.loads(out.strip().splitlines()[-1])
        print(f"product list of {args.items} items, SQLite, median of {args.runs}")
        for name, (page, ceiling) in figures.items():
            against = (
                f"   ceiling (its SQL alone) {ceiling:7.1f} ms   ratio {page / ceiling:5.1f}"
                if ceiling
                else ""
            )
            print(f"{name:24}: {page:7.1f} ms{against}")


if __name__ == "__main__":
    main()
