"""Receipt: each upload a job of its own, reading the file as it was uploaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from sellergate.bulk.services import bulk_job_receive
from tests.factories import SellerFactory

pytestmark = pytest.mark.django_db


def receive(actor, seller, path: Path, kind: str = "item"):
    return bulk_job_receive(
        actor=actor,
        seller=seller,
        source="ftp",
        kind=kind,
        file_name=path.name,
        stored_path=str(path),
        size=path.stat().st_size,
    )


def test_the_same_name_uploaded_twice_is_two_jobs_each_with_its_own_content(
    actor, tmp_path
) -> None:
    seller = SellerFactory()
    inbox = tmp_path / "item" / "items.csv"
    inbox.parent.mkdir()
    inbox.write_text("first\n")
    first = receive(actor, seller, inbox)
    inbox.unlink()  # what an FTP overwrite does: a new file under the old name
    inbox.write_text("second\n")
    second = receive(actor, seller, inbox)
    assert first.pk != second.pk
    assert Path(first.stored_path).read_text() == "first\n"
    assert Path(second.stored_path).read_text() == "second\n"
    assert first.source_path == second.source_path == str(inbox)


def test_an_image_is_not_snapshotted(actor, tmp_path) -> None:
    image = tmp_path / "images" / "mug.jpg"
    image.parent.mkdir()
    image.write_bytes(b"\xff\xd8\xff")
    job = receive(actor, SellerFactory(), image, kind="image")
    assert job.stored_path == str(image)
