"""Leaked-key alerts in the secret-scanning partner format, signed with ECDSA-SHA256."""

from __future__ import annotations

import base64
import json

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.core import mail
from django.urls import reverse

from sellergate.audit.models import AuditEvent
from sellergate.core.actors import Actor
from sellergate.credentials import api_keys
from sellergate.credentials.errors import KeyRejected
from sellergate.credentials.models import KeyStatus
from sellergate.credentials.verification import verify_api_key
from sellergate.hooks import secret_scanning
from tests.factories import granted_seller

pytestmark = pytest.mark.django_db

KEY_ID = "90a421169f0a406205f1563a953312f0be898d3c7b6c06b681aa86a874555f4a"


@pytest.fixture
def signer(settings, tmp_path):
    private_key = ec.generate_private_key(ec.SECP256R1())
    pem = (
        private_key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    keys_file = tmp_path / "public_keys.json"
    keys_file.write_text(
        json.dumps({"public_keys": [{"key_identifier": KEY_ID, "key": pem, "is_current": True}]})
    )
    settings.GITHUB_KEYS_SOURCE = str(keys_file)
    secret_scanning._keys.clear()
    yield private_key
    secret_scanning._keys.clear()


def post(client, body: bytes, signature: bytes, key_id: str = KEY_ID):
    return client.post(
        reverse("hooks:secret_scanning"),
        data=body,
        content_type="application/json",
        headers={
            "Github-Public-Key-Identifier": key_id,
            "Github-Public-Key-Signature": base64.b64encode(signature).decode(),
        },
    )


def sign(private_key, body: bytes) -> bytes:
    return private_key.sign(body, ec.ECDSA(hashes.SHA256()))


def test_a_signed_alert_revokes_the_key_mails_the_seller_and_is_audited(
    client, signer, django_capture_on_commit_callbacks
) -> None:
    key, token = api_keys.api_key_create(
        actor=Actor.system("t"), seller=granted_seller(), name="本番"
    )
    body = json.dumps(
        [
            {
                "token": token,
                "type": "sellergate_api_key",
                "url": "https://example.com/leak",
                "source": "content",
            },
            {
                "token": "sgk_" + "A" * 50,
                "type": "sellergate_api_key",
                "url": "",
                "source": "content",
            },
        ]
    ).encode()
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, body, sign(signer, body))
    assert response.status_code == 200
    assert [item["label"] for item in response.json()] == ["true_positive", "false_positive"]
    key.refresh_from_db()
    assert key.status == KeyStatus.REVOKED
    with pytest.raises(KeyRejected):
        verify_api_key(token)
    assert AuditEvent.objects.filter(action="api_key.leak_reported").count() == 1
    assert any(f"…{key.last4}" in message.subject for message in mail.outbox)


def test_a_bad_signature_is_refused_and_changes_nothing(client, signer) -> None:
    key, token = api_keys.api_key_create(
        actor=Actor.system("t"), seller=granted_seller(), name="本番"
    )
    body = json.dumps([{"token": token, "type": "t", "url": "", "source": "content"}]).encode()
    forged = sign(ec.generate_private_key(ec.SECP256R1()), body)
    assert post(client, body, forged).status_code == 401
    assert post(client, body, sign(signer, body), key_id="unknown-key").status_code == 401
    assert post(client, body + b" ", sign(signer, body)).status_code == 401
    key.refresh_from_db()
    assert key.status == KeyStatus.ACTIVE


def test_a_malformed_body_gets_a_clear_error(client, signer) -> None:
    body = b'{"not": "an array"}'
    response = post(client, body, sign(signer, body))
    assert response.status_code == 400
    assert "JSON array" in response.json()["error"]


def test_the_endpoint_is_off_without_configured_keys(client, settings) -> None:
    settings.GITHUB_KEYS_SOURCE = ""
    assert post(client, b"[]", b"x").status_code == 404
