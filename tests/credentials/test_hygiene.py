"""No secret in plain text anywhere: not in any table, not in any log line."""

from __future__ import annotations

import logging

import pytest
from django.db import connection
from django.urls import reverse

from sellergate.core.actors import Actor
from sellergate.credentials import ftp_accounts, ftp_authentication, seller_auth_keys
from sellergate.credentials.models import FtpAccount
from sellergate.credentials.verification import verify_api_key, verify_seller_auth_key
from tests.factories import PASSWORD, SellerUserFactory, granted_seller

pytestmark = pytest.mark.django_db


def every_row_as_text() -> str:
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - our own table names
            chunks.append(f"{table}: {cursor.fetchall()!r}")
    return "\n".join(chunks)


def test_keys_and_passwords_are_nowhere_in_the_database_or_the_logs(
    client, caplog, settings
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="django.db.backends")
    connection.force_debug_cursor = True  # log every SQL statement with its parameters
    try:
        seller = granted_seller()
        user = SellerUserFactory(seller=seller)
        client.force_login(user)
        # Issued through the seller center, as a seller would.
        client.get(reverse("portal:api_keys"))
        nonce = client.session["credential_form_nonce"]
        page = client.post(
            reverse("portal:api_key_create"), {"name": "受注", "nonce": nonce}
        ).content.decode()
        token = page.split('id="token" class="secret">')[1].split("<")[0]
        verify_api_key(token)
        _sak, sak_token = seller_auth_keys.sak_issue(
            api_key_token=token, login_id=user.username, password=PASSWORD
        )
        verify_seller_auth_key(sak_token)

        account = FtpAccount.objects.create(seller=seller, username="sg-hygiene", status="active")
        ftp_password = ftp_accounts.ftp_password_reset(actor=Actor.system("t"), account=account)
        ftp_authentication.ftp_authenticate("sg-hygiene", ftp_password)
    finally:
        connection.force_debug_cursor = False

    secrets = {
        "API key": token,
        "API key secret part": token[16:48],
        "seller authorization key": sak_token,
        "SAK secret part": sak_token[16:48],
        "FTP password": ftp_password,
    }
    dump = every_row_as_text()
    logs = "\n".join(record.getMessage() for record in caplog.records)
    assert "SELECT" in logs  # the SQL log really was captured
    for name, secret in secrets.items():
        assert secret not in dump, f"{name} found in the database"
        assert secret not in logs, f"{name} found in the logs"
