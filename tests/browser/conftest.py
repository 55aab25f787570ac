"""Browser harness: the app on loopback (pytest-django's live server), driven by Playwright
in Debian's Chromium (Playwright cannot download its own browser on these machines).

Where /usr/bin/chromium is missing the browser tests are skipped with the reason, unless
``SELLERGATE_REQUIRE_TOOLS=1`` (set by .ci/run), where its absence is a failure
(tests/tools.py).
A failing test leaves a full-page screenshot, ``failure.png``, in its tmp dir.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from pytest_django.live_server_helper import LiveServer

from tests import tools

CHROMIUM = Path(os.environ.get("SELLERGATE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def live_server(django_db_setup) -> Iterator[LiveServer]:
    """pytest-django's live server on 127.0.0.1, with static files served as in production.

    pytest-django wraps the app in Django's StaticFilesHandler, which looks files up by
    their source names and so cannot serve the hashed names of the manifest storage;
    here the app is served as is, and WhiteNoise serves the collected files.

    It needs the test database set up first, so that it is stopped (its threads' database
    connections closed) before the test database is dropped.
    """
    server = LiveServer("127.0.0.1", start=False)
    server.thread.static_handler = lambda app: app
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    chromium_path = tools.need("chromium", CHROMIUM)
    # Playwright's sync API keeps an event loop in this thread; Django refuses ORM calls
    # from a thread with a running loop unless told that this is deliberate. The ORM
    # calls here are the test's own set-up, never made from inside the loop.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    report = yield
    item.stash.setdefault(REPORTS, {})[report.when] = report
    return report


REPORTS = pytest.StashKey[dict[str, pytest.TestReport]]()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Page]:
    context = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    call = request.node.stash.get(REPORTS, {}).get("call")
    if call is not None and call.failed:
        page.screenshot(path=tmp_path / "failure.png", full_page=True)
        print(f"screenshot of the failure: {tmp_path / 'failure.png'}")
    context.close()


#: The two widths the pages are tried at: a desk's screen and a phone's.
WIDTHS = {"desk": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


class SizedPage:
    """A Japanese-locale page at one of ``WIDTHS``, and where its screenshots go (kept for
    a person to look at: ``SELLERGATE_SHOTS``, else the test's tmp dir)."""

    def __init__(self, label: str, page: Page, shots: Path) -> None:
        self.label, self.page, self.shots = label, page, shots

    def shot(self, name: str) -> None:
        self.page.screenshot(path=self.shots / f"{self.label}-{name}.png", full_page=True)


@pytest.fixture(params=sorted(WIDTHS))
def sized_page(request, browser: Browser, tmp_path: Path) -> Iterator[SizedPage]:
    shots = Path(os.environ.get("SELLERGATE_SHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(
        viewport=WIDTHS[request.param], locale="ja-JP", timezone_id="Asia/Tokyo"
    )
    context.set_default_timeout(10_000)
    try:
        yield SizedPage(request.param, context.new_page(), shots)
    finally:
        context.close()
