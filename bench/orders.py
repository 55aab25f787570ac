"""Order list benchmark (not a test): GetShippingInfo_v3 over one seller's orders.

    uv run python bench/orders.py [--orders 10000] [--days 90] [--calls 20]

In a scratch data directory on SQLite: one seller with N orders spread over the last
year, every field of the feed filled; then the marketplace API's GetShippingInfo_v3 for
a window of the last D days (all statuses: ShippingStatus 5, delivered, plus the open
ones; see below), through Django's whole middleware stack in this process, timed over
several calls. The ceiling it is compared with is the same rows read as bare tuples
and written as JSON (what a hand-rolled query could do at best), in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

RUN = r"""
import datetime as dt, gc, json, statistics, sys, time
from urllib.parse import urlencode
import django
django.setup()
from django.test import Client
from django.utils import timezone
from sellergate.access.models import AccessRequest
from sellergate.accounts.services import seller_member_create
from sellergate.core.actors import Actor
from sellergate.credentials import api_keys, seller_auth_keys
from sellergate.sellers.models import Order
from sellergate.sellers.services import seller_create
from sellergate.demo_orders import order_details

orders, days, calls = (int(v) for v in sys.argv[1:4])
a = Actor.system("bench")
s = seller_create(actor=a, login_id="bench", shop_name="bench", contact_email="b@example.com",
                  review_status="approved")
AccessRequest.objects.create(seller=s, kind="api_key", status="fulfilled",
    contact_email=s.contact_email, product_category="x", purpose="bench", integrator_name="x",
    received_at=timezone.now(), due_on=timezone.localdate(), eligibility_at_submission={})
seller_member_create(actor=a, seller=s, username="bench-user", password="bench-password-1",
                     email="u@example.com")
_k, key = api_keys.api_key_create(actor=a, seller=s, name="bench")
_sak, sak = seller_auth_keys.sak_issue(api_key_token=key, login_id="bench-user",
                                       password="bench-password-1")
now = timezone.now()
batch = []
for n in range(orders):
    at = now - dt.timedelta(minutes=n * 365 * 24 * 60 // orders)
    shipped = at + dt.timedelta(days=1) if n > 30 else None
    batch.append(Order(seller=s, order_no=str(5_000_000 + n), ordered_at=at, paid_at=at,
                       ship_by=(at + dt.timedelta(days=3)).date(), shipped_at=shipped,
                       delivered_at=shipped and shipped + dt.timedelta(days=1),
                       pack_no=str(5_000_000 + n - n % 3), **order_details(s, n % 1000)))
Order.objects.bulk_create(batch, batch_size=1000)
start = (timezone.localdate() - dt.timedelta(days=days)).strftime("%Y%m%d")
end = timezone.localdate().strftime("%Y%m%d")
client = Client(HTTP_HOST="localhost")
url = "/GMKT.INC.Front.QAPIService/ebayjapan.qapi/ShippingBasic.GetShippingInfo_v3"
headers = {"GiosisCertificationKey": sak, "QAPIVersion": "1.0"}

def api_call(status):
    body = {"ShippingStatus": status, "SearchStartDate": start, "SearchEndDate": end,
            "SearchCondition": "1", "returnType": "application/json"}
    response = client.post(url, urlencode(body), headers=headers,
                           content_type="application/x-www-form-urlencoded")
    # The answer is read once, outside the timing (a client's parsing is not the server's).
    assert response.content.startswith(b'{"ResultCode":0,'), response.content[:300]
    return response.content

def rows_in(content):
    return len(json.loads(content)["ResultObject"])

def ceiling(status):
    rows = list(Order.objects.filter(seller=s, ordered_at__gte=now - dt.timedelta(days=days))
                .values_list())
    return len(json.dumps(rows, default=str))

results = {}
for name, run, status in (("api 5", api_call, "5"), ("api 0", api_call, "0"),
                          ("ceiling", ceiling, "5")):
    run(status)  # warm
    times, size = [], 0
    for _ in range(calls):
        gc.collect()  # each call starts alike: not the previous call's garbage to collect
        started = time.perf_counter()
        size = run(status)
        times.append((time.perf_counter() - started) * 1000)
    if run is api_call:
        size = rows_in(size)
    results[name] = {"median_ms": statistics.median(times), "max_ms": max(times), "size": size}
if len(sys.argv) > 4:  # --profile: where one call's time goes
    import cProfile, pstats
    cProfile.run('api_call("5")', "/tmp/orders.prof")
    pstats.Stats("/tmp/orders.prof", stream=sys.stderr).sort_stats("cumulative").print_stats(30)
print(json.dumps(results))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--calls", type=int, default=20)
    parser.add_argument("--profile", action="store_true", help="print a profile of one call")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sellergate-bench-") as scratch:
        env = {
            **os.environ,
            "SELLERGATE_DATA_DIR": scratch,
            "SELLERGATE_LOG_LEVEL": "WARNING",
            "SELLERGATE_API_RATE_BURST": "100000",
            "DJANGO_SETTINGS_MODULE": "sellergate.settings",
        }
        env.pop("DATABASE_URL", None)
        subprocess.run([sys.executable, "-m", "sellergate", "migrate", "-v0"], env=env, check=True)
        out = subprocess.run(
            [sys.executable, "-c", RUN, str(args.orders), str(args.days), str(args.calls)]
            + (["profile"] if args.profile else []),
            env=env,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        if out.returncode:
            sys.exit(out.stderr)
        results = json.loads(out.stdout.strip().splitlines()[-1])
        if args.profile:
            print(out.stderr[-6000:])
    print(f"{args.orders} orders of one seller over a year, SQLite, a {args.days}-day window")
    for name, label in (
        ("api 5", "GetShippingInfo_v3 ShippingStatus 5 (delivered)"),
        ("api 0", "GetShippingInfo_v3 ShippingStatus 0 (open)     "),
        ("ceiling", "ceiling: the window's rows as bare tuples, JSON "),
    ):
        figures = results[name]
        print(
            f"{label}: median {figures['median_ms']:6.1f} ms, max {figures['max_ms']:6.1f} ms"
            f"  ({figures['size']} {'rows' if name != 'ceiling' else 'bytes'})"
        )
    ratio = results["api 5"]["median_ms"] / results["ceiling"]["median_ms"]
    print(f"api / ceiling (median): {ratio:.2f}")


if __name__ == "__main__":
    main()
