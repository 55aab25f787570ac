"""Writing bulk jobs. Processing comes with the bulk processing work; here, receipt."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from sellergate.audit.actors import Actor
from sellergate.audit.services import audit_record
from sellergate.bulk.models import BulkJob
from sellergate.sellers.models import Seller


def bulk_job_receive(
    *,
    actor: Actor,
    seller: Seller,
    source: str,
    kind: str,
    file_name: str,
    stored_path: str,
    size: int,
) -> BulkJob:
    """Record a complete upload, once: the same stored file reported twice is one job."""
    try:
        with transaction.atomic():
            job = BulkJob.objects.create(
                seller=seller,
                source=source,
                kind=kind,
                file_name=file_name,
                stored_path=stored_path,
                size=size,
            )
            audit_record(
                actor=actor,
                action="bulk_job.receive",
                obj=job,
                seller=seller,
                after={"file": file_name, "kind": kind, "source": source, "size": size},
            )
    except IntegrityError:
        return BulkJob.objects.get(stored_path=stored_path)
    return job
