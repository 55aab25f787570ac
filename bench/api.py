"""Marketplace API benchmark (not a test): the production web server on loopback.

    uv run python bench/api.py [--connections 50] [--seconds 10] [--workers N] [--threads 2]
                               [--flooders 8]

Serves sellergate with granian (as `sellergate serve` does, plus one bare view, see
bench/api_app.py) from a scratch data directory, and drives it with Debian's `wrk`
(apt-get install wrk): ItemsLookup.GetItemDetailInfo with a valid seller authorization
key, then bare Django views returning the same JSON without authentication, in the
same run. Prints requests/s, p50/p99 and the ratios; then the API's latency for a few clients
while FLOODERS threads send wrong passwords to /seller/login/, /desk/login/ and
CreateCertificationKey as fast as they can, against the same clients without the flood
in the same run (a log-in flood must not be a lever to slow the site); then times seller
authorization key verification in this process, from the cache and from the database.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, build_opener, urlopen

from loopback import free_port  # bench/ is on sys.path when a bench runs

ROOT = Path(__file__).resolve().parents[1]

SETUP = """
import django, json, sys
django.setup()
from sellergate.core.actors import Actor
from sellergate.accounts.services import seller_member_create
from sellergate.access.models import AccessRequest
from sellergate.catalog.models import Category
from sellergate.catalog.services import product_create
from sellergate.credentials import api_keys, seller_auth_keys
from sellergate.sellers.services import seller_create
from django.utils import timezone
a = Actor.system("bench")
s = seller_create(actor=a, login_id="bench", shop_name="bench", contact_email="b@example.com",
                  review_status="approved")
AccessRequest.objects.create(seller=s, kind="api_key", status="fulfilled",
    contact_email=s.contact_email, product_category="x", purpose="bench", integrator_name="x",
    received_at=timezone.now(), due_on=timezone.localdate(), eligibility_at_submission={})
u = seller_member_create(actor=a, seller=s, username="bench-user", password="bench-password-1",
                       email="u@example.com")
Category.objects.create(code="300000001", name="マグカップ")
p = product_create(actor=a, seller=s, values={"seller_code": "MUG-1", "title": "マグカップ",
                   "category": "300000001", "price": 1800, "quantity": 5})
_k, key = api_keys.api_key_create(actor=a, seller=s, name="bench")
_sak, sak = seller_auth_keys.sak_issue(api_key_token=key, login_id="bench-user",
                               password="bench-password-1")
print(json.dumps({"sak": sak, "item": p.item_code, "seller": s.pk, "key": key}))
"""


def wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            urlopen(url, timeout=1).read()  # noqa: S310 - loopback URL built here
            return
        time.sleep(0.2)
    raise RuntimeError(f"no server at {url}")


def wrk(url: str, connections: int, seconds: int) -> tuple[float, float, float]:
    """requests/s, p50 ms, p99 ms."""
    # Debian's wrk from PATH, as the docstring says.
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    out = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in out or "Socket errors" in out:
        print(out, file=sys.stderr)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def percentile(name: str) -> float:
        value, unit = re.search(rf"\s{name}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    return rate, percentile("50"), percentile("99")


def verification_timings(env: dict[str, str], sak: str) -> str:
    """Microseconds per SAK verification, cached and uncached, in a process of its own."""
    code = f"""
import django, timeit
django.setup()
from sellergate.credentials import cache
from sellergate.credentials.verification import verify_seller_auth_key
token = {sak!r}
verify_seller_auth_key(token)
n = 20000
cached = timeit.timeit(lambda: verify_seller_auth_key(token), number=n) / n * 1e6
def uncached():
    cache._cache().clear()
    verify_seller_auth_key(token)
m = 500
cold = timeit.timeit(uncached, number=m) / m * 1e6
print(f"SAK verification: cached {{cached:.1f}} µs, uncached (database) {{cold:.0f}} µs")
"""
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()


def flood(base: str, api_key_less_url: str, stop: threading.Event, counts: dict[str, int]) -> None:
    """Wrong passwords until ``stop``: the two log-in pages (with their CSRF token, as a
    browser-driven attacker sends them) and the API's certification, in turn."""
    jar = CookieJar()
    opener = build_opener(HTTPCookieProcessor(jar))
    pages = [f"{base}/seller/login/", f"{base}/desk/login/"]
    tokens = {}
    for page in pages:
        html = opener.open(page).read().decode()
        tokens[page] = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    n = 0
    while not stop.is_set():
        n += 1
        try:
            if n % 3 == 2:
                opener.open(api_key_less_url + f"&user_id=bench-user&pwd=guess-{n}").read()
            else:
                page = pages[n % 3 == 1]
                form = {
                    "csrfmiddlewaretoken": tokens[page],
                    "username": "bench-user",
                    "password": f"guess-{n}",
                }
                opener.open(page, urlencode(form).encode()).read()
        except HTTPError as error:
            error.read()
        counts["attempts"] = counts.get("attempts", 0) + 1


def flood_report(base: str, api_url: str, cert_url: str, flooders: int, seconds: int) -> str:
    quiet = wrk(api_url, 4, seconds)
    stop = threading.Event()
    counts: dict[str, int] = {}
    threads = [
        threading.Thread(target=flood, args=(base, cert_url, stop, counts)) for _ in range(flooders)
    ]
    for thread in threads:
        thread.start()
    # Until the throttle has locked the user ID and the address, each wrong password
    # costs the password hasher (PBKDF2, ~0.85 s of a core here): that phase is bounded
    # by the thresholds; what is measured is the sustained flood after it.
    began = time.monotonic()
    last = 0
    while time.monotonic() - began < 60:
        time.sleep(0.5)
        now = counts.get("attempts", 0)
        if now - last > 10:  # more than 20 a second: refused before the hasher
            break
        last = now
    locked_after = time.monotonic() - began
    expensive = counts.get("attempts", 0)
    started, before = time.monotonic(), counts.get("attempts", 0)
    flooded = wrk(api_url, 4, seconds)
    rate = (counts.get("attempts", 0) - before) / (time.monotonic() - started)
    stop.set()
    for thread in threads:
        thread.join()
    return (
        f"API with 4 clients, quiet:                       p50 {quiet[1]:6.1f} ms   "
        f"p99 {quiet[2]:6.1f} ms   {quiet[0]:6.0f} req/s\n"
        f"API with 4 clients, {flooders} threads flooding log-ins:  p50 {flooded[1]:6.1f} ms   "
        f"p99 {flooded[2]:6.1f} ms   {flooded[0]:6.0f} req/s   ({rate:.0f} wrong passwords/s "
        f"sent; p99 flooded/quiet {flooded[2] / quiet[2]:.1f})\n"
        f"  (the flood's first {expensive} wrong passwords, before the locks, took "
        f"{locked_after:.1f} s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="granian worker processes"
    )
    parser.add_argument("--threads", type=int, default=2, help="granian threads per worker")
    parser.add_argument("--flooders", type=int, default=8, help="threads flooding log-ins")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")
    with tempfile.TemporaryDirectory(prefix="sellergate-bench-") as scratch:
        env = {
            **os.environ,
            "SELLERGATE_DATA_DIR": scratch,
            "SELLERGATE_LOG_LEVEL": "WARNING",
            # The bench measures the server, not the rate limiter's refusals.
            "SELLERGATE_API_RATE_PER_SECOND": "1000000",
            "SELLERGATE_API_RATE_BURST": "1000000",
            "DJANGO_SETTINGS_MODULE": "sellergate.settings",
            "PYTHONPATH": str(ROOT / "bench"),
        }
        env.pop("DATABASE_URL", None)
        for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
            subprocess.run([sys.executable, "-m", "sellergate", *command], env=env, check=True)
        setup = (
            subprocess.run(
                [sys.executable, "-c", SETUP], env=env, capture_output=True, text=True, check=True
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        made = json.loads(setup)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        query = urlencode(
            {
                "method": "ItemsLookup.GetItemDetailInfo",
                "key": made["sak"],
                "v": "1.1",
                "returnType": "json",
                "ItemCode": made["item"],
            }
        )
        api_url = f"{base}/GMKT.INC.Front.QAPIService/ebayjapan.qapi?{query}"
        body_path = Path(scratch) / "bare.json"
        server = None
        try:
            # The baseline answers exactly what the API answers.
            server = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "granian",
                    "--interface",
                    "wsgi",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    "--workers",
                    str(args.workers),
                    "--blocking-threads",
                    str(args.threads),
                    "--no-ws",
                    "--log-level",
                    "warning",
                    "api_app:application",
                ],
                env={**env, "BENCH_BARE_BODY": str(_write_body(body_path, env, made))},
            )
            wait_for(f"{base}/bench/bare/static/")
            answer = urlopen(api_url).read()  # noqa: S310
            assert b'"ResultCode":0' in answer, answer
            wrk(api_url, args.connections, 2)  # warm-up: caches, connections
            api = wrk(api_url, args.connections, args.seconds)
            lookup = wrk(
                f"{base}/bench/bare/lookup/{made['seller']}/{made['item']}/",
                args.connections,
                args.seconds,
            )
            static = wrk(f"{base}/bench/bare/static/", args.connections, args.seconds)
            cert_url = f"{base}/GMKT.INC.Front.QAPIService/ebayjapan.qapi?" + urlencode(
                {"method": "CertificationAPI.CreateCertificationKey", "key": made["key"]}
            )
            flooded = flood_report(base, api_url, cert_url, args.flooders, args.seconds)
        finally:
            if server is not None:
                server.send_signal(signal.SIGTERM)
                server.wait(timeout=30)
        print(
            f"{args.connections} connections, {args.seconds} s each, granian "
            f"{args.workers} worker(s), {args.threads} threads each, SQLite"
        )
        print(
            f"API  ItemsLookup.GetItemDetailInfo: {api[0]:8.0f} req/s   p50 {api[1]:6.1f} ms"
            f"   p99 {api[2]:6.1f} ms"
        )
        for name, figures in (
            ("bare view, same lookup and JSON   ", lookup),
            ("bare view, the JSON as fixed bytes", static),
        ):
            print(
                f"{name}: {figures[0]:8.0f} req/s   p50 {figures[1]:6.1f} ms"
                f"   p99 {figures[2]:6.1f} ms"
            )
        print(
            f"ratio API / bare lookup: {api[0] / lookup[0]:.2f}   "
            f"API / fixed bytes: {api[0] / static[0]:.2f}"
        )
        print(flooded)
        print(verification_timings(env, made["sak"]))


def _write_body(path: Path, env: dict[str, str], made: dict[str, str]) -> Path:
    """The API's own JSON answer for the item, fetched in-process, as the bare body."""
    code = f"""
import django, json
django.setup()
from django.test import Client
r = Client().get("/GMKT.INC.Front.QAPIService/ebayjapan.qapi", {{"method":
    "ItemsLookup.GetItemDetailInfo", "key": {made["sak"]!r}, "v": "1.1", "ItemCode":
    {made["item"]!r}}}, HTTP_HOST="127.0.0.1")
open({str(path)!r}, "wb").write(r.content)
"""
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    return path


if __name__ == "__main__":
    main()
