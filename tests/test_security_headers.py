"""Every page carries a Content-Security-Policy the pages keep (no inline script or
style), a Permissions-Policy, and behind TLS HSTS and Secure cookies."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "src" / "sellergate"
PAGES = ["/seller/login/", "/desk/login/", "/api/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_pages_carry_csp_and_permissions_policy(client, path) -> None:
    response = client.get(path)
    assert response.status_code == 200
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in policy
    assert "camera=()" in response.headers["Permissions-Policy"]


def test_no_template_has_inline_script_style_or_handlers() -> None:
    """What the policy would block: an inline <script>, a style attribute or <style>, an
    on…= handler. (The admin's own templates carry the nonce.)"""
    inline = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.I)
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in ROOT.rglob("*.html")
        for match in inline.finditer(path.read_text())
    ]
    assert found == []


@pytest.mark.django_db
def test_behind_tls_hsts_is_sent_and_cookies_are_secure(client, settings) -> None:
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    response = client.get("/seller/login/", secure=True)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response.cookies["csrftoken"]["secure"]


def test_an_https_base_url_turns_hsts_and_secure_cookies_on(tmp_path) -> None:
    import os
    import subprocess
    import sys

    probe = (
        "from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sellergate.settings",
        "SELLERGATE_DATA_DIR": str(tmp_path),
    }
    for base, expected in (
        ("https://seller.example.com", "31536000 True True"),
        ("http://127.0.0.1:8000", "0 False False"),
    ):
        out = subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {probe}"],
            env={**env, "SELLERGATE_BASE_URL": base},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert out == expected, base
