"""The seller center's API key page and FTP panel."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse

from sellergate.core.actors import Actor
from sellergate.credentials import api_keys, ftp_authentication
from sellergate.credentials.models import ApiKey, FtpAccount, KeyStatus
from sellergate.ftpd.certificates import ensure_self_signed
from sellergate.grants import provisioning
from tests.factories import SellerUserFactory, granted_seller

pytestmark = pytest.mark.django_db


@pytest.fixture
def seller_user(client):
    user = SellerUserFactory(seller=granted_seller())
    client.force_login(user)
    return user


def issue_through_the_page(client, name: str = "受注システム") -> tuple[str, str]:
    client.get(reverse("portal:api_keys"))
    nonce = client.session["credential_form_nonce"]
    response = client.post(reverse("portal:api_key_create"), {"name": name, "nonce": nonce})
    page = response.content.decode()
    return page, page.split('id="token" class="secret">')[1].split("<")[0]


def test_the_key_is_shown_once_and_then_only_its_last_four(client, seller_user) -> None:
    page, token = issue_through_the_page(client)
    assert token.startswith("sgk_")
    assert "一度だけ表示されます" in page
    listing = client.get(reverse("portal:api_keys")).content.decode()
    assert token not in listing
    assert f"sgk_…{token[-4:]}" in listing


def test_the_page_showing_a_key_is_never_cached(client, seller_user) -> None:
    client.get(reverse("portal:api_keys"))
    response = client.post(
        reverse("portal:api_key_create"),
        {"name": "k", "nonce": client.session["credential_form_nonce"]},
    )
    assert "no-store" in response["Cache-Control"]


def test_sending_the_same_form_twice_issues_one_key(client, seller_user) -> None:
    client.get(reverse("portal:api_keys"))
    data = {"name": "k", "nonce": client.session["credential_form_nonce"]}
    client.post(reverse("portal:api_key_create"), data)
    again = client.post(reverse("portal:api_key_create"), data)
    assert again.status_code == 302
    assert ApiKey.objects.count() == 1


def test_without_an_approved_request_the_page_points_to_the_request(client) -> None:
    client.force_login(SellerUserFactory())
    page = client.get(reverse("portal:api_keys")).content.decode()
    assert reverse("portal:api_key_request") in page
    assert 'action="/seller/api-keys/new/"' not in page


def test_rotate_and_revoke_from_the_page(client, seller_user) -> None:
    issue_through_the_page(client)
    key = ApiKey.objects.get()
    client.get(reverse("portal:api_keys"))
    form = {"grace_hours": "24", "nonce": client.session["credential_form_nonce"]}
    asked = client.post(reverse("portal:api_key_rotate", args=[key.pk]), form).content.decode()
    assert f"…{key.last4}" in asked
    assert "24時間" in asked
    assert 'name="grace_hours" value="24"' in asked  # the form, carried to the second step
    assert ApiKey.objects.count() == 1  # nothing until it is confirmed
    response = client.post(
        reverse("portal:api_key_rotate", args=[key.pk]), {**form, "confirmed": "yes"}
    )
    assert "24時間" in response.content.decode()
    new = ApiKey.objects.exclude(pk=key.pk).get()
    client.post(reverse("portal:api_key_revoke", args=[new.pk]))
    new.refresh_from_db()
    assert new.status == KeyStatus.ACTIVE  # asked first
    client.post(reverse("portal:api_key_revoke", args=[new.pk]), {"confirmed": "yes"})
    new.refresh_from_db()
    assert new.status == KeyStatus.REVOKED


@pytest.mark.parametrize("name", ["portal:api_key_rotate", "portal:api_key_revoke"])
def test_another_sellers_key_cannot_be_touched(client, name) -> None:
    owner = granted_seller()
    key, _token = api_keys.api_key_create(actor=Actor.system("t"), seller=owner, name="theirs")
    client.force_login(SellerUserFactory(seller=granted_seller()))
    client.get(reverse("portal:api_keys"))
    response = client.post(
        reverse(name, args=[key.pk]), {"nonce": client.session["credential_form_nonce"]}
    )
    assert response.status_code == 404
    key.refresh_from_db()
    assert key.status == KeyStatus.ACTIVE
    assert key.replaced_by is None


def test_another_sellers_keys_are_not_listed(client, seller_user) -> None:
    api_keys.api_key_create(actor=Actor.system("t"), seller=granted_seller(), name="よその鍵")
    assert "よその鍵" not in client.get(reverse("portal:api_keys")).content.decode()


def test_the_ftp_panel_follows_the_account(client, seller_user, settings, tmp_path) -> None:
    settings.FTP_TLS_CERT = str(ensure_self_signed(tmp_path)[0])
    url = reverse("portal:ftp_panel")
    assert "FTP接続権限の申請" in client.get(url).content.decode()
    account = FtpAccount.objects.create(seller=seller_user.seller, username="sg-panel")
    page = client.get(url).content.decode()
    assert "FTP情報の反映まで少々お待ちください" in page
    assert 'http-equiv="refresh"' in page
    provisioning.ftp_account_provision(account_id=account.pk)
    page = client.get(url).content.decode()
    for text in (
        "sg-panel",
        "item/",
        "inventory/",
        "images/",
        "results/",
        "curl --ssl-reqd -k",
        "lftp -u sg-panel",
    ):
        assert text in page
    client.get(url)
    response = client.post(
        reverse("portal:ftp_password_reset"), {"nonce": client.session["credential_form_nonce"]}
    )
    password = response.content.decode().split('id="ftp-password" class="secret">')[1].split("<")[0]
    assert ftp_authentication.ftp_authenticate("sg-panel", password)
    assert password not in client.get(url).content.decode()
    # A new one replaces it: asked first, and the one in use keeps working until then.
    asked = client.post(
        reverse("portal:ftp_password_reset"), {"nonce": client.session["credential_form_nonce"]}
    ).content.decode()
    assert "sg-panel" in asked
    assert 'id="ftp-password"' not in asked
    assert ftp_authentication.ftp_authenticate("sg-panel", password)


def test_the_ftp_panel_shows_unfinished_uploads_and_that_results_do_not_count(
    client, seller_user, settings
) -> None:
    account = FtpAccount.objects.create(seller=seller_user.seller, username="sg-usage")
    account = provisioning.ftp_account_provision(account_id=account.pk)
    staged = Path(settings.FTP_ROOT) / ".staging" / "sg-usage"
    staged.mkdir(parents=True)
    (staged / "0123abcd").write_bytes(b"x" * 3000)
    (Path(account.home) / "results" / "r.csv").write_bytes(b"r" * 10_000)
    page = client.get(reverse("portal:ftp_panel")).content.decode()
    usage = page.split('id="ftp-usage">')[1].split("</dd>")[0]
    assert "2.9\xa0KB /" in usage  # the unfinished upload counts, the 10 KB result does not
    assert 'id="ftp-staged"' in usage
    assert "results/" in usage


def test_another_sellers_ftp_account_is_not_shown(client, seller_user) -> None:
    FtpAccount.objects.create(seller=granted_seller(), username="sg-someone-else", status="active")
    assert "sg-someone-else" not in client.get(reverse("portal:ftp_panel")).content.decode()


def ca_signed_certificate(directory: Path) -> Path:
    """A server certificate signed by a (test) authority, as a production install has."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    def name(text: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])

    now = dt.datetime.now(dt.UTC)
    authority, server = (
        ec.generate_private_key(ec.SECP256R1()),
        ec.generate_private_key(ec.SECP256R1()),
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name("ftp.gate.example.com"))
        .issuer_name(name("Example CA"))
        .public_key(server.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=90))
        .sign(authority, hashes.SHA256())
    )
    path = directory / "server.pem"
    path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return path


def _panel(client, seller_user) -> str:
    account = FtpAccount.objects.create(seller=seller_user.seller, username="sg-cmds")
    provisioning.ftp_account_provision(account_id=account.pk)
    return client.get(reverse("portal:ftp_panel")).content.decode()


def test_the_commands_work_as_pasted_on_a_self_signed_demo_certificate(
    client, seller_user, settings, tmp_path
) -> None:
    settings.FTP_TLS_CERT = str(ensure_self_signed(tmp_path)[0])
    page = _panel(client, seller_user)
    assert "curl --ssl-reqd -k --user sg-cmds" in page
    assert "set ssl:verify-certificate no;" in page
    assert 'id="self-signed"' in page
    assert re.search(r"SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}", page)


def test_a_verified_certificate_gets_commands_that_verify_it(
    client, seller_user, settings, tmp_path
) -> None:
    settings.FTP_TLS_CERT = str(ca_signed_certificate(tmp_path))
    page = _panel(client, seller_user)
    assert "curl --ssl-reqd --user sg-cmds" in page
    assert "verify-certificate" not in page
    assert 'id="self-signed"' not in page


def test_without_a_certificate_the_panel_says_ftp_is_not_encrypted(
    client, seller_user, settings
) -> None:
    settings.FTP_TLS_CERT = None
    settings.DEMO = False
    page = _panel(client, seller_user)
    assert "curl --user sg-cmds" in page
    assert "--ssl-reqd" not in page
