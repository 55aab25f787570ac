"""Bulk jobs: one per uploaded file (FTP or web), processed by the worker.

    BulkJob: RECEIVED → QUEUED → RUNNING → DONE | FAILED

RECEIVED is where an upload lands: complete, moved into its inbox, recorded once.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sellergate.core.tenancy import SellerOwnedQuerySet


class JobSource(models.TextChoices):
    FTP = "ftp", _("FTP")
    WEB = "web", _("Web upload")
    CLI = "cli", _("Command line")


class JobKind(models.TextChoices):
    ITEM = "item", _("Item register/modify file")
    INVENTORY = "inventory", _("Price/stock file")
    IMAGE = "image", _("Product image")


class JobStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class BulkJob(models.Model):
    seller = models.ForeignKey(
        "sellers.Seller",
        verbose_name=_("seller"),
        on_delete=models.PROTECT,
        related_name="bulk_jobs",
    )
    source = models.CharField(_("source"), max_length=8, choices=JobSource.choices)
    kind = models.CharField(_("kind"), max_length=16, choices=JobKind.choices)
    file_name = models.CharField(_("file name"), max_length=255)
    # The file the job reads: a snapshot taken at receipt (a hard link, or a copy), so a
    # seller who uploads a file of the same name again gets a second job, and the first
    # one still reads what was uploaded first.
    stored_path = models.CharField(max_length=1000)
    # Where the upload landed (the FTP inbox file); results go beside it.
    source_path = models.CharField(max_length=1000, blank=True)
    size = models.BigIntegerField(_("size"))
    status = models.CharField(
        _("status"), max_length=12, choices=JobStatus.choices, default=JobStatus.RECEIVED
    )
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    queued_at = models.DateTimeField(_("queued"), null=True, blank=True)
    # Processing: counts as the rows go, so the page can show progress.
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    encoding = models.CharField(_("file format"), max_length=12, blank=True)
    total_rows = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    processed_rows = models.PositiveIntegerField(_("rows processed"), default=0)
    ok_rows = models.PositiveIntegerField(_("rows applied"), default=0)
    error_rows = models.PositiveIntegerField(_("rows with errors"), default=0)
    # Rows passed over as the template's own example product: never counted as done.
    skipped_rows = models.PositiveIntegerField(_("rows skipped"), default=0)
    created_count = models.PositiveIntegerField(_("items registered"), default=0)
    updated_count = models.PositiveIntegerField(_("items modified"), default=0)
    error = models.TextField(_("why the file was refused"), blank=True)
    result_path = models.CharField(max_length=1000, blank=True)
    # Where the result file ends as of the last committed batch, and when that batch
    # committed: a job whose worker died is resumed from there (bulk.processing).
    result_offset = models.BigIntegerField(default=0)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    # How many times a worker took the job up: one that keeps dying on it (a crash, a
    # kill, an exception) ends FAILED after MAX_ATTEMPTS instead of looping for ever.
    attempts = models.PositiveSmallIntegerField(default=0)

    objects = SellerOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("bulk job")
        verbose_name_plural = _("bulk jobs")
        ordering = ["-received_at"]
        constraints = [
            # A file is recorded once, however often its arrival is reported.
            models.UniqueConstraint(fields=["stored_path"], name="bulk_job_stored_path_unique")
        ]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        if self.status == JobStatus.DONE:
            return 100
        if not self.total_rows:
            return 0
        return min(99, self.processed_rows * 100 // self.total_rows)

    @property
    def outcome(self) -> str:
        """How a finished job went, for the job table: "errors" (some rows refused),
        "empty" (no data rows at all), "ok", or "" while it is not finished."""
        if self.status == JobStatus.FAILED:
            return "failed"
        if self.status != JobStatus.DONE:
            return ""
        if self.error_rows:
            return "errors"
        if not self.ok_rows and not self.skipped_rows:
            return "empty"
        return "ok"

    @property
    def result_name(self) -> str:
        return self.result_path.rsplit("/", 1)[-1] if self.result_path else ""


class ExportKind(models.TextChoices):
    """What ItemsLookup.RequestFileDownload's apply_type asks for."""

    ITEM = "item", _("Items")
    INVENTORY = "inventory", _("Inventory (options)")
    ORDER = "order", _("Orders")
    SHIP = "ship", _("Shipments")


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("Being prepared")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class Export(models.Model):
    """A file of the seller's own records, asked for through the API, written by the
    worker, fetched from the seller center (bulk/exports.py)."""

    seller = models.ForeignKey(
        "sellers.Seller", verbose_name=_("seller"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ExportKind.choices)
    status = models.CharField(
        _("status"), max_length=8, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    from_date = models.DateField(_("from"), null=True, blank=True)
    to_date = models.DateField(_("until"), null=True, blank=True)
    email = models.EmailField(_("notify"), blank=True)
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    path = models.CharField(max_length=1000, blank=True)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    error = models.CharField(_("error"), max_length=500, blank=True)

    objects = SellerOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.requested_at:%Y-%m-%d %H:%M}"
