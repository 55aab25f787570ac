"""One log line per API call, with method, code, seller and key number — never a secret."""

from __future__ import annotations

import logging

import pytest

from tests.qapi.client import QapiClient, django_transport
from tests.qapi.conftest import sak_for

pytestmark = pytest.mark.django_db


def test_one_line_per_call_and_no_secret_in_any(client, shop, caplog) -> None:
    api = QapiClient(django_transport(client))
    with caplog.at_level(logging.DEBUG):
        sak = sak_for(api, shop)
        api.call("ItemsLookup.GetAllGoodsInfo", sak)
        api.call("ItemsLookup.GetAllGoodsInfo", shop.api_key)  # the wrong key for it
        api.call(
            "CertificationAPI.CreateCertificationKey",
            shop.api_key,
            user_id=shop.username,
            pwd="a-wrong-password",
        )
    lines = [r.getMessage() for r in caplog.records if r.name == "sellergate.api"]
    assert len(lines) == 4
    assert "method=ItemsLookup.GetAllGoodsInfo code=0" in lines[1]
    assert "code=-90007" in lines[2]
    everything = "\n".join(r.getMessage() for r in caplog.records)
    for secret in (
        sak,
        shop.api_key,
        shop.password,
        "a-wrong-password",
        sak.split("_")[1][:12],
        shop.api_key.split("_")[1][:12],
    ):
        assert secret not in everything
