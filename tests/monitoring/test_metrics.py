"""/metrics: what every process counted (added up from their files) and what the database
holds, to the scraper's addresses only."""

from __future__ import annotations

import pytest
from django.utils import timezone

from sellergate.bulk.models import BulkJob, JobStatus
from sellergate.worker import heartbeat
from tests.monitoring.scrape import value
from tests.qapi.client import QapiClient, django_transport
from tests.qapi.conftest import make_api_seller, sak_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    return make_api_seller("shop-metrics")


def scrape(client) -> str:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    return response.content.decode()


def test_metrics_are_for_the_scraper_only(client, settings) -> None:
    settings.METRICS_ALLOWED_NETWORKS = ["10.0.0.0/8"]
    assert client.get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200
    refused = client.get("/metrics", REMOTE_ADDR="192.0.2.7")
    assert refused.status_code == 403
    assert "SELLERGATE_METRICS_ALLOWED_NETWORKS" in refused.content.decode()


def test_http_requests_are_counted_by_route_not_path(client) -> None:
    before = scrape(client)
    client.get("/images/shop-x/none.jpg")
    client.get("/seller/login/")
    after = scrape(client)
    route = {"route": "product_image", "method": "GET", "status": "4xx"}
    assert value(after, "sellergate_http_requests_total", **route) == (
        value(before, "sellergate_http_requests_total", **route) + 1
    )
    assert "shop-x" not in after


def test_api_calls_and_key_verifications_are_counted(client, shop) -> None:
    api = QapiClient(django_transport(client))
    before = scrape(client)
    sak = sak_for(api, shop)
    api.ok("ItemsLookup.GetAllGoodsInfo", sak)
    api.call("ItemsLookup.GetAllGoodsInfo", "sgs_not-a-key")
    api.call("No.SuchMethod", sak)
    after = scrape(client)

    def delta(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert (
        delta(
            "sellergate_api_calls_total", method="CertificationAPI.CreateCertificationKey", code="0"
        )
        == 1
    )
    assert delta("sellergate_api_calls_total", method="ItemsLookup.GetAllGoodsInfo", code="0") == 1
    assert delta("sellergate_api_calls_total", method="unknown", code="-90010") == 1
    assert (
        delta("sellergate_api_calls_total", method="ItemsLookup.GetAllGoodsInfo", code="-90001")
        == 1
    )
    # The exchange checks the API key twice: the endpoint, then the service issuing the SAK.
    assert delta("sellergate_key_verifications_total", kind="api_key", outcome="ok") == 2
    assert delta("sellergate_key_verifications_total", kind="seller_auth_key", outcome="ok") >= 1
    assert (
        delta("sellergate_key_verifications_total", kind="seller_auth_key", outcome="malformed")
        == 1
    )


def test_tasks_jobs_and_the_worker_come_from_the_database(client, shop) -> None:
    from sellergate.credentials.tasks import expire_api_keys

    expire_api_keys.enqueue()
    BulkJob.objects.create(
        seller=shop.seller,
        kind="item",
        source="web",
        file_name="a.csv",
        size=10,
        status=JobStatus.QUEUED,
    )
    text = scrape(client)
    assert value(text, "sellergate_task_queue_depth") >= 1
    assert value(text, "sellergate_tasks", state="READY") >= 1
    assert value(text, "sellergate_bulk_jobs", status="queued") == 1
    heartbeat.beat(started_at=timezone.now())
    assert 0 <= value(scrape(client), "sellergate_worker_heartbeat_age_seconds") < 5
