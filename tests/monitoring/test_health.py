"""/healthz answers while the process runs; /readyz only when the database answers, every
migration is applied and a worker beat recently, and says which check failed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from sellergate.monitoring import readiness
from sellergate.worker import heartbeat
from sellergate.worker.models import WorkerHeartbeat


@pytest.fixture(autouse=True)
def _check_migrations_again():
    readiness.forget()
    yield
    readiness.forget()


def test_healthz_needs_nothing_but_the_process(client) -> None:
    response = client.get("/healthz")  # no database access allowed in this test
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_waits_for_a_worker(client, settings) -> None:
    response = client.get("/readyz")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["database"] == checks["migrations"] == "ok"
    assert "sellergate worker" in checks["worker"]

    heartbeat.beat(started_at=timezone.now())
    response = client.get("/readyz")
    assert (response.status_code, response.json()["status"]) == (200, "ready")

    WorkerHeartbeat.objects.update(
        seen_at=timezone.now() - dt.timedelta(seconds=settings.READY_WORKER_MAX_AGE_SECONDS + 1)
    )
    assert client.get("/readyz").status_code == 503


@pytest.mark.django_db(transaction=True)
def test_readyz_names_a_migration_not_applied(client) -> None:
    heartbeat.beat(started_at=timezone.now())
    recorder = MigrationRecorder.Migration.objects
    row = recorder.get(app="worker", name="0002_worker_heartbeat")
    row.delete()
    try:
        response = client.get("/readyz")
        assert response.status_code == 503
        assert "worker.0002_worker_heartbeat" in response.json()["checks"]["migrations"]
    finally:
        recorder.create(app=row.app, name=row.name, applied=row.applied)
    readiness.forget()
    assert client.get("/readyz").status_code == 200


@pytest.mark.django_db
def test_a_stopped_worker_removes_its_heartbeat_and_old_ones_are_forgotten() -> None:
    heartbeat.beat(started_at=timezone.now())
    WorkerHeartbeat.objects.create(
        worker="gone:1",
        host="gone",
        pid=1,
        started_at=timezone.now() - dt.timedelta(days=3),
        seen_at=timezone.now() - dt.timedelta(days=2),
    )
    heartbeat.beat(started_at=timezone.now())
    assert list(WorkerHeartbeat.objects.values_list("worker", flat=True)) == [
        heartbeat.this_worker()
    ]
    heartbeat.stop()
    assert not WorkerHeartbeat.objects.exists()
