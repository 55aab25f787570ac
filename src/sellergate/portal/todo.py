"""What ホーム puts first: what the seller has to do, or should know, now.

- the desk asked about a request and waits for the answer (first: nothing moves until it
  is answered);
- a request was decided in the last two weeks: granted, approved and being prepared, or
  rejected (with the reason on its page);
- a bulk job of the last two weeks ended with rows in error, or the file was refused;
- an API key stops working within 30 days (it expires, or a rotation retires it).

Late orders, unanswered questions and open claims are the standing card's, just below.
Read only, the seller's own records (the tenancy gate).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sellergate.access.models import AccessRequest, RequestStatus
from sellergate.bulk.models import BulkJob, JobStatus
from sellergate.credentials.models import ApiKey, KeyStatus
from sellergate.sellers.models import Seller

RECENT = dt.timedelta(days=14)
KEY_WARNING = dt.timedelta(days=30)
#: The most of each kind shown; the rest is on the page the link goes to.
MOST = 5


@dataclass(frozen=True)
class Todo:
    kind: str  # "answer", "decided", "job", "key": the page's mark and its tests' handle
    text: str
    url: str
    urgent: bool = False


def _requests(seller: Seller, since: dt.datetime) -> list[Todo]:
    found = []
    requests = AccessRequest.objects.of(seller)
    for request in requests.filter(status=RequestStatus.NEEDS_INFO).order_by("received_at")[:MOST]:
        found.append(
            Todo(
                "answer",
                _("The desk asked about your %(kind)s request: answer it so it can go on.")
                % {"kind": request.get_kind_display()},
                reverse("portal:request_detail", args=[request.pk]),
                urgent=True,
            )
        )
    decided = requests.filter(
        status__in=[RequestStatus.FULFILLED, RequestStatus.APPROVED, RequestStatus.REJECTED],
        decided_at__gte=since,
    ).order_by("-decided_at")[:MOST]
    texts = {
        RequestStatus.FULFILLED: _("Your %(kind)s request was granted on %(day)s."),
        RequestStatus.APPROVED: _(
            "Your %(kind)s request was approved on %(day)s; it is being prepared."
        ),
        RequestStatus.REJECTED: _("Your %(kind)s request was rejected on %(day)s: see why."),
    }
    for request in decided:
        assert request.decided_at is not None  # the filter's
        day = timezone.localtime(request.decided_at).date().isoformat()
        found.append(
            Todo(
                "decided",
                texts[RequestStatus(request.status)]
                % {"kind": request.get_kind_display(), "day": day},
                reverse("portal:request_detail", args=[request.pk]),
            )
        )
    return found


def _jobs(seller: Seller, since: dt.datetime) -> list[Todo]:
    jobs = (
        BulkJob.objects.of(seller)
        .filter(finished_at__gte=since)
        .filter(Q(status=JobStatus.FAILED) | Q(status=JobStatus.DONE, error_rows__gt=0))
        .order_by("-finished_at")[:MOST]
    )
    found = []
    for job in jobs:
        if job.status == JobStatus.FAILED:
            text = _("%(file)s was not processed: see why on the bulk page.") % {
                "file": job.file_name
            }
            url = reverse("portal:bulk")
        else:
            text = _(
                "%(file)s: %(errors)s of %(rows)s rows have errors; the result file says which."
            ) % {
                "file": job.file_name,
                "errors": job.error_rows,
                "rows": job.processed_rows,
            }
            url = reverse("portal:bulk_result", args=[job.pk])
        found.append(Todo("job", text, url))
    return found


def _keys(seller: Seller, now: dt.datetime) -> list[Todo]:
    soon = now + KEY_WARNING
    keys = (
        ApiKey.objects.of(seller)
        .filter(status=KeyStatus.ACTIVE)
        .filter(
            Q(expires_at__gt=now, expires_at__lte=soon)
            | Q(retires_at__gt=now, retires_at__lte=soon)
        )
        .order_by("name")[:MOST]
    )
    found = []
    for key in keys:
        ends = min(t for t in (key.expires_at, key.retires_at) if t is not None and t > now)
        found.append(
            Todo(
                "key",
                _(
                    "The API key “%(name)s” stops working on %(day)s: give your integration "
                    "a new one before then."
                )
                % {"name": key.name, "day": timezone.localtime(ends).date().isoformat()},
                reverse("portal:api_keys"),
                urgent=ends - now <= dt.timedelta(days=7),
            )
        )
    return found


def things_to_do(seller: Seller, *, now: dt.datetime | None = None) -> list[Todo]:
    now = now or timezone.now()
    since = now - RECENT
    return [*_requests(seller, since), *_keys(seller, now), *_jobs(seller, since)]
