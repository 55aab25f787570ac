"""商品管理 > 商品の一括登録/修正: upload a bulk file, follow its job, fetch its result,
download the templates. The upload is recorded by the same service as an FTP upload,
so both are processed the same way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sellergate.accounts.roles import seller_required
from sellergate.bulk.columns import TEMPLATE_NAMES
from sellergate.bulk.models import BulkJob, Export, ExportStatus, JobKind, JobSource, JobStatus
from sellergate.bulk.services import bulk_job_receive
from sellergate.bulk.suspension import UploadRefused, bulk_accepts
from sellergate.bulk.templates import FORMATS, template
from sellergate.catalog import images
from sellergate.core import paths
from sellergate.core.actors import Actor
from sellergate.portal.tenancy import current_seller

EXTENSIONS = (".xlsx", ".csv", ".tsv", ".txt")
JOBS_SHOWN = 20


class UploadForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("File type"),
        choices=[
            (JobKind.ITEM, gettext_lazy("Item register/modify (item template)")),
            (JobKind.INVENTORY, gettext_lazy("Price and stock (price/quantity template)")),
            (JobKind.IMAGE, gettext_lazy("Product image (JPEG, PNG, GIF, WebP)")),
        ],
    )
    file = forms.FileField(label=gettext_lazy("File"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > settings.BULK_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _(
                    "%(name)s is %(size)s; the largest accepted is %(limit)s. Split the file, or "
                    "upload it by FTP."
                )
                % {
                    "name": Path(upload.name).name,
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(settings.BULK_MAX_UPLOAD_BYTES),
                }
            )
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload, kind = data.get("file"), data.get("kind")
        if upload is None or kind is None:
            return data
        name = Path(upload.name).name
        if kind == JobKind.IMAGE and not images.valid_name(name):
            self.add_error(
                "file",
                _("%(name)s is not an image file name: use .jpg, .png, .gif or .webp.")
                % {"name": name},
            )
        elif kind != JobKind.IMAGE and not name.lower().endswith(EXTENSIONS):
            self.add_error(
                "file",
                _(
                    "%(name)s is not a bulk file: upload .xlsx, .csv or .tsv (the templates "
                    "below show the columns)."
                )
                % {"name": name},
            )
        return data


def _jobs(request: HttpRequest) -> list[BulkJob]:
    return list(
        BulkJob.objects.of(current_seller(request)).exclude(kind=JobKind.IMAGE)[:JOBS_SHOWN]
    )


def _context(request: HttpRequest, form: UploadForm) -> dict[str, object]:
    jobs = _jobs(request)
    return {
        "form": form,
        "jobs": jobs,
        "active": any(j.status in (JobStatus.QUEUED, JobStatus.RUNNING) for j in jobs),
        "templates": [(kind, name) for kind, name in TEMPLATE_NAMES.items()],
        "formats": list(FORMATS),
        "limit": settings.BULK_MAX_UPLOAD_BYTES,
    }


@seller_required
def bulk(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/bulk.html", _context(request, UploadForm()))


@require_POST
@seller_required
def bulk_upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "portal/bulk.html", _context(request, form), status=400)
    seller = current_seller(request)
    try:
        bulk_accepts(seller)  # before a byte is stored
    except UploadRefused as refused:
        form.add_error(None, refused.text())
        return render(request, "portal/bulk.html", _context(request, form), status=403)
    upload = form.cleaned_data["file"]
    name = Path(upload.name).name
    if form.cleaned_data["kind"] == JobKind.IMAGE:
        # Images keep their name: items refer to them by it (catalog.images).
        folder = paths.web_images_folder(seller.login_id)
        folder.mkdir(parents=True, exist_ok=True)
    else:
        folder = paths.web_upload_folder(seller.login_id)
    stored = folder / name
    with stored.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    job = bulk_job_receive(
        actor=Actor.from_request(request),
        seller=seller,
        source=JobSource.WEB,
        kind=form.cleaned_data["kind"],
        file_name=name,
        stored_path=str(stored),
        size=stored.stat().st_size,
    )
    messages.success(
        request, _("%(name)s was received as job #%(job)d.") % {"name": name, "job": job.pk}
    )
    return redirect("portal:bulk")


@seller_required
def bulk_jobs(request: HttpRequest) -> HttpResponse:
    """The job table alone, polled by the page while a job is queued or running."""
    jobs = _jobs(request)
    active = any(j.status in (JobStatus.QUEUED, JobStatus.RUNNING) for j in jobs)
    return render(request, "portal/includes/bulk_jobs.html", {"jobs": jobs, "active": active})


@seller_required
def bulk_result(request: HttpRequest, pk: int) -> HttpResponseBase:
    job = get_object_or_404(BulkJob.objects.of(current_seller(request)), pk=pk)
    path = Path(job.result_path) if job.result_path else None
    if path is None or not path.is_file():
        raise Http404("no result file yet")
    return FileResponse(
        path.open("rb"), as_attachment=True, filename=path.name, content_type="text/csv"
    )


@seller_required
def bulk_template(request: HttpRequest, kind: str, fmt: str) -> HttpResponse:
    if kind not in TEMPLATE_NAMES or fmt not in FORMATS:
        raise Http404("no such template")
    name, content_type, data = template(kind, fmt)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@seller_required
def bulk_export(request: HttpRequest, pk: int) -> HttpResponseBase:
    """A file asked for with the API's RequestFileDownload, once the worker wrote it."""
    export = get_object_or_404(Export.objects.of(current_seller(request)), pk=pk)
    path = Path(export.path) if export.path else None
    if export.status == ExportStatus.QUEUED:
        return HttpResponse(
            _("The file is being prepared; reload this page in a moment."),
            status=202,
            content_type="text/plain; charset=utf-8",
        )
    if path is None or not path.is_file():
        raise Http404("no export file")
    return FileResponse(
        path.open("rb"), as_attachment=True, filename=path.name, content_type="text/csv"
    )
