"""The grant workflow: approving grants what was asked for, in the approving transaction."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Permission
from django.db import transaction

from sellergate.access import services as access
from sellergate.access.errors import ConditionsNotMet, OverrideNotAllowed
from sellergate.access.models import RequestStatus
from sellergate.audit.models import AuditEvent
from sellergate.core.actors import Actor
from sellergate.credentials.models import FtpAccount, FtpStatus
from sellergate.grants import services as grants
from tests.factories import SellerFactory, access_request, operator_actor

JST = ZoneInfo("Asia/Tokyo")
MONDAY = dt.datetime(2026, 11, 30, 10, 0, tzinfo=JST)

pytestmark = [pytest.mark.django_db, pytest.mark.clock(MONDAY)]


def test_approve_on_a_business_day_with_every_condition_met() -> None:
    request = access_request(SellerFactory())
    desk = operator_actor()
    request = grants.request_approve(actor=desk, request=request, now=MONDAY)
    assert request.status == RequestStatus.FULFILLED  # API access is granted at once
    assert request.decided_by == desk.user
    assert request.eligibility_at_decision["passed"] is True
    assert (
        AuditEvent.objects.filter(action="request.approve", object_id=str(request.pk)).count() == 1
    )


def test_the_business_day_is_judged_in_japan_time() -> None:
    request = access_request(SellerFactory())
    sunday_in_utc = dt.datetime(2026, 11, 29, 16, 0, tzinfo=dt.UTC)  # Monday 01:00 JST
    assert (
        grants.request_approve(actor=operator_actor(), request=request, now=sunday_in_utc).status
        == "fulfilled"
    )


def test_an_override_needs_the_permission_and_a_reason() -> None:
    seller = SellerFactory(service_points=-1)
    request = access_request(seller)
    with pytest.raises(OverrideNotAllowed):
        grants.request_approve(
            actor=operator_actor(), request=request, override_reason="営業判断", now=MONDAY
        )
    privileged = operator_actor()
    privileged.user.user_permissions.add(Permission.objects.get(codename="override_eligibility"))
    privileged = Actor(
        user=type(privileged.user).objects.get(pk=privileged.user.pk), label=privileged.label
    )
    with pytest.raises(ConditionsNotMet) as refused:
        grants.request_approve(actor=privileged, request=request, now=MONDAY)
    # Named in words, as the eligibility card says it, not by its code.
    assert "サービスポイント" in refused.value.text()
    assert "service_points" not in refused.value.text()
    request = grants.request_approve(
        actor=privileged, request=request, override_reason="営業判断", now=MONDAY
    )
    assert request.status == RequestStatus.FULFILLED
    assert request.override_reason == "営業判断"
    event = AuditEvent.objects.get(action="request.approve_override")
    assert event.after == {
        "status": "approved",
        "override_reason": "営業判断",
        "failed_conditions": "service_points",
    }
    assert event.actor == privileged.user


def test_the_requests_own_approval_grants_nothing() -> None:
    # access alone is the request's state machine: APPROVED, no key access, no account.
    request = access_request(SellerFactory(), kind="ftp")
    request = access.request_approve(actor=operator_actor(), request=request, now=MONDAY)
    assert request.status == RequestStatus.APPROVED
    assert not FtpAccount.objects.exists()


def test_an_ftp_approval_opens_the_account_and_queues_its_provisioning(
    django_capture_on_commit_callbacks,
) -> None:
    from django_tasks_db.models import DBTaskResult

    request = access_request(SellerFactory(), kind="ftp")
    with django_capture_on_commit_callbacks(execute=True):
        request = grants.request_approve(actor=operator_actor(), request=request, now=MONDAY)
    assert request.status == RequestStatus.APPROVED
    account = FtpAccount.objects.get(seller=request.seller)
    assert account.status == FtpStatus.PROVISIONING
    assert account.request_id == request.pk
    task = DBTaskResult.objects.get()
    assert task.task_path == "sellergate.grants.tasks.provision_ftp_account"
    assert task.args_kwargs["args"] == [account.pk]


def test_when_granting_fails_the_approval_is_rolled_back_with_it(monkeypatch) -> None:
    from sellergate.credentials import ftp_accounts

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ftp_accounts, "ftp_account_open", broken)
    request = access_request(SellerFactory(), kind="ftp")
    with pytest.raises(RuntimeError), transaction.atomic():
        grants.request_approve(actor=operator_actor(), request=request, now=MONDAY)
    request.refresh_from_db()
    assert request.status == RequestStatus.SUBMITTED
    assert not AuditEvent.objects.filter(action="request.approve").exists()
