"""Images named by file name are served at a stable URL, and the API gives that URL."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from sellergate.catalog import images
from tests.factories import ProductFactory, SellerUserFactory

pytestmark = pytest.mark.django_db
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def test_an_image_uploaded_on_the_bulk_page_is_served(client) -> None:
    user = SellerUserFactory()
    client.force_login(user)
    response = client.post(
        "/seller/products/bulk/upload/",
        {"kind": "image", "file": SimpleUploadedFile("mug.jpg", JPEG)},
    )
    assert response.status_code == 302
    client.logout()
    served = client.get(f"/images/{user.seller.login_id}/mug.jpg")
    assert served.status_code == 200
    assert served["Content-Type"] == "image/jpeg"
    assert b"".join(served.streaming_content) == JPEG
    served.close()


def test_an_image_in_the_ftp_images_folder_is_served(client, settings, tmp_path) -> None:
    from sellergate.core.paths import ftp_username
    from sellergate.credentials.models import FtpAccount

    settings.FTP_ROOT = str(tmp_path)
    product = ProductFactory()
    username = ftp_username(product.seller.login_id)
    FtpAccount.objects.create(seller=product.seller, username=username, status="active")
    (tmp_path / username / "images").mkdir(parents=True)
    (tmp_path / username / "images" / "bowl.png").write_bytes(b"\x89PNG")
    served = client.get(f"/images/{product.seller.login_id}/bowl.png")
    assert served.status_code == 200
    served.close()


@pytest.mark.parametrize("name", ["..%2Fsecret.jpg", ".hidden.jpg", "notes.txt", "nope.jpg"])
def test_anything_else_is_not_found(client, name) -> None:
    user = SellerUserFactory()
    assert client.get(f"/images/{user.seller.login_id}/{name}").status_code == 404


def test_the_api_gives_the_url_of_a_named_image() -> None:
    with override_settings(BASE_URL="https://gate.example.com/"):
        assert images.url("shop-1", "mug 1.jpg") == (
            "https://gate.example.com/images/shop-1/mug%201.jpg"
        )
        assert images.url("shop-1", "https://cdn.example.com/a.jpg") == (
            "https://cdn.example.com/a.jpg"
        )
