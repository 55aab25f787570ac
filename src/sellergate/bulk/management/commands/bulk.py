"""``sellergate bulk import --seller LOGIN_ID FILE [--kind item|inventory]``: an operator
hands a seller's file to the same processing as an upload, here and now.

The file is copied into the seller's uploads and recorded as a job (source "command
line", audited as any upload), processed in this process under the same memory cap as
a worker's job (so run it as its own process, as ``sellergate bulk import``), and its
result file is the one the seller sees on the bulk page. A progress bar on a terminal
(tqdm on stderr, chosen over rich: one small dependency for one bar); plain lines on
stdout when it is not a terminal (a log, a pipe).

Exit status: 0 done, 1 done with row errors, 2 refused (an unknown seller, a suspended
one, a file too large or of the wrong kind, a file the reader refused).
"""

from __future__ import annotations

import resource
import shutil
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from tqdm import tqdm

from sellergate.bulk import processing
from sellergate.bulk.models import BulkJob, JobKind, JobSource, JobStatus
from sellergate.bulk.services import bulk_job_receive
from sellergate.core import paths
from sellergate.core.actors import Actor
from sellergate.core.errors import Refusal
from sellergate.sellers.models import Seller

DONE, ROW_ERRORS, REFUSED = 0, 1, 2
#: How often, in rows, the plain output says where it is.
PLAIN_EVERY = 10_000


class Command(BaseCommand):
    help = "Bulk files from the command line: `bulk import --seller LOGIN_ID FILE`."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        imported = commands.add_parser("import", help="process a file for a seller, now")
        imported.add_argument("--seller", required=True, help="the seller's login ID")
        imported.add_argument("file", type=Path)
        imported.add_argument(
            "--kind",
            choices=[JobKind.ITEM, JobKind.INVENTORY],
            default=JobKind.ITEM,
            help="item: the item register/modify template; inventory: price and stock",
        )

    def handle(self, *args: Any, seller: str, file: Path, kind: str, **options: Any) -> None:
        code = self._import(seller, file, kind)
        if code:
            sys.exit(code)

    def _refuse(self, text: str) -> int:
        self.stderr.write(text)
        return REFUSED

    def _import(self, login_id: str, file: Path, kind: str) -> int:
        owner = Seller.objects.filter(login_id=login_id).first()
        if owner is None:
            return self._refuse(_("No seller %(login)s.") % {"login": login_id})
        if not file.is_file():
            return self._refuse(_("%(file)s is not a file.") % {"file": file})
        size = file.stat().st_size
        if size > settings.FTP_MAX_FILE_BYTES:  # the largest any way in accepts
            return self._refuse(
                _("%(file)s is %(size)s; the largest accepted is %(limit)s.")
                % {
                    "file": file,
                    "size": filesizeformat(size),
                    "limit": filesizeformat(settings.FTP_MAX_FILE_BYTES),
                }
            )
        stored = paths.web_upload_folder(owner.login_id) / file.name
        shutil.copyfile(file, stored)
        try:
            job = bulk_job_receive(
                actor=Actor.system("cli"),
                seller=owner,
                source=JobSource.CLI,
                kind=kind,
                file_name=file.name,
                stored_path=str(stored),
                size=size,
                enqueue=False,
            )
        except Refusal as refusal:
            stored.unlink(missing_ok=True)
            return self._refuse(refusal.text())
        if settings.BULK_JOB_MAX_MEMORY_MB:  # the cap a worker's job runs under
            limit = settings.BULK_JOB_MAX_MEMORY_MB * 1024 * 1024
            hard = resource.getrlimit(resource.RLIMIT_AS)[1]
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        finished = self._run(job)
        return self._report(finished)

    def _run(self, job: BulkJob) -> BulkJob:
        terminal = sys.stderr.isatty()
        # The terminal's size, 80 x 24 where it tells none: tqdm draws nothing in a
        # terminal of unknown size (its rows read as -1).
        size = shutil.get_terminal_size((80, 24))
        bar = tqdm(
            unit=" rows",
            disable=not terminal,
            file=sys.stderr,
            ncols=size.columns,
            nrows=size.lines,
        )
        said = [0]

        def progress(current: BulkJob) -> None:
            if bar.total is None and current.total_rows:
                bar.total = current.total_rows
            bar.n = current.processed_rows
            bar.refresh()
            if not terminal and current.processed_rows - said[0] >= PLAIN_EVERY:
                said[0] = current.processed_rows
                self.stdout.write(
                    _("%(done)d of %(total)s rows")
                    % {"done": current.processed_rows, "total": current.total_rows or "?"}
                )

        try:
            processing.process(job.pk, on_batch=progress)
        finally:
            bar.close()
        job.refresh_from_db()
        return job

    def _report(self, job: BulkJob) -> int:
        self.stdout.write(
            _(
                "Job #%(job)d: %(status)s; %(ok)d rows applied, %(errors)d with errors, "
                "%(skipped)d skipped."
            )
            % {
                "job": job.pk,
                "status": job.get_status_display(),
                "ok": job.ok_rows,
                "errors": job.error_rows,
                "skipped": job.skipped_rows,
            }
        )
        if job.result_path:
            self.stdout.write(_("Result file: %(path)s") % {"path": job.result_path})
        if job.status == JobStatus.FAILED:
            self.stderr.write(job.error)
            return REFUSED
        return ROW_ERRORS if job.error_rows else DONE
