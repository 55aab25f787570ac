"""The reference is generated from the registry: every method and code is on it, in
Japanese by default, and its curl examples work against a running server."""

from __future__ import annotations

import shlex
import subprocess

import pytest
from django.test import override_settings

from sellergate.qapi.codes import TABLE
from sellergate.qapi.reference import examples
from sellergate.qapi.registry import METHODS
from tests import tools
from tests.qapi.conftest import make_api_seller

pytestmark = pytest.mark.django_db


def test_the_page_lists_every_method_and_code_in_japanese(client) -> None:
    page = client.get("/api/").content.decode()
    for entry in METHODS.values():
        assert f'id="{entry.name}"' in page
    for code in TABLE:
        assert f'id="code{code.code}"' in page
    assert "結果コードとエラーコード" in page
    assert "販売者認証キー" in page


def test_the_page_in_english(client) -> None:
    client.cookies["django_language"] = "en"
    page = client.get("/api/").content.decode()
    assert "Result and error codes" in page


def test_openapi_has_every_method_with_its_parameters(client) -> None:
    document = client.get("/api/openapi.json").json()
    assert document["openapi"].startswith("3.")
    for entry in METHODS.values():
        operation = document["paths"][f"/GMKT.INC.Front.QAPIService/ebayjapan.qapi/{entry.name}"][
            "post"
        ]
        schema = operation["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]
        assert set(schema["properties"]) == {p.name for p in entry.params} | {"returnType"}
        assert schema["required"] == [p.name for p in entry.params if p.required]


@pytest.mark.django_db(transaction=True)
def test_the_curl_examples_work(live_server) -> None:
    shop = make_api_seller("shop-docs")
    with override_settings(BASE_URL=live_server.url):
        sak_example = examples(METHODS["certificationapi.createcertificationkey"], live_server.url)
        lookup = examples(METHODS["itemslookup.getallgoodsinfo"], live_server.url)
    tools.need("curl")
    command = (
        sak_example["curl_path"]
        .replace("YOUR_API_KEY", shop.api_key)
        .replace("user_id=…", f"user_id={shop.username}")
        .replace("pwd=…", f"pwd={shop.password}")
    )
    answer = subprocess.run(
        [*shlex.split(command), "--silent"], capture_output=True, text=True, check=True
    ).stdout
    assert '"ResultCode":0' in answer, answer
    sak = answer.split('"ResultObject":"')[1].split('"')[0]
    for style in ("curl_query", "curl_path"):
        command = lookup[style].replace("YOUR_SELLER_AUTH_KEY", sak)
        answer = subprocess.run(
            [*shlex.split(command), "--silent"], capture_output=True, text=True, check=True
        ).stdout
        assert '"ResultCode":0' in answer, (style, answer)
        assert '"TotalItems":0' in answer


def test_the_choices_made_where_the_guide_is_silent_are_on_the_page(client) -> None:
    client.cookies["django_language"] = "en"
    page = client.get("/api/").content.decode()
    for name in (
        "ItemsLookup.GetAllGoodsInfo",
        "ItemsBasic.SetNewGoods",
        "ItemsOrder.SetGoodsPriceQtyBulk",
    ):
        assert f'data-notes="{name}"' in page
    assert "ItemStatus may be left out" in page
    document = client.get("/api/openapi.json").json()
    path = "/GMKT.INC.Front.QAPIService/ebayjapan.qapi/ItemsBasic.UpdateGoods"
    assert "Only the parameters sent are changed" in document["paths"][path]["post"]["description"]


def test_the_reference_shows_the_address_it_is_served_from(client, settings) -> None:
    settings.ALLOWED_HOSTS = ["gate.example.com"]
    page = client.get("/api/", HTTP_HOST="gate.example.com:38000").content.decode()
    assert "http://gate.example.com:38000/GMKT.INC.Front.QAPIService/" in page
    assert "127.0.0.1:8000" not in page
    document = client.get("/api/openapi.json", HTTP_HOST="gate.example.com:38000").json()
    assert document["servers"] == [{"url": "http://gate.example.com:38000"}]
