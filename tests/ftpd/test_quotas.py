"""Quotas: total size, file count and one file's size, each refused with 552 and a reason."""

from __future__ import annotations

import ftplib
import io

import pytest

from sellergate.bulk.models import BulkJob
from sellergate.credentials.models import FtpAccount

pytestmark = pytest.mark.django_db(transaction=True)


def with_quota(server, **quota):
    account, password = server.account()
    FtpAccount.objects.filter(pk=account.pk).update(**quota)
    return account, password


def test_the_file_count_quota(ftp_server) -> None:
    account, password = with_quota(ftp_server, quota_files=2)
    with ftp_server.client(account.username, password) as ftp:
        ftp.storbinary("STOR item/a.csv", io.BytesIO(b"a"))
        ftp.storbinary("STOR item/b.csv", io.BytesIO(b"b"))
        with pytest.raises(ftplib.error_perm, match=r"^552 File quota exceeded: 2 of 2 files"):
            ftp.storbinary("STOR item/c.csv", io.BytesIO(b"c"))
        ftp.storbinary("STOR item/a.csv", io.BytesIO(b"a2"))  # replacing a file is fine
        ftp.delete("item/b.csv")
        ftp.storbinary("STOR item/c.csv", io.BytesIO(b"c"))


def test_the_size_quota_stops_an_upload_midway_and_nothing_is_processed(ftp_server) -> None:
    account, password = with_quota(ftp_server, quota_bytes=100_000)
    with ftp_server.client(account.username, password) as ftp:
        with pytest.raises(ftplib.error_perm, match=r"^552 Quota exceeded"):
            ftp.storbinary("STOR item/big.csv", io.BytesIO(b"x" * 300_000))
        assert "big.csv" not in " ".join(ftp.nlst("item"))
    assert not BulkJob.objects.exists()


def test_a_full_home_refuses_before_the_transfer(ftp_server) -> None:
    account, password = with_quota(ftp_server, quota_bytes=1000)
    (ftp_server.root / account.username / "results" / "r.csv").write_bytes(b"r" * 1000)
    with (
        ftp_server.client(account.username, password) as ftp,
        pytest.raises(ftplib.error_perm, match=r"^552 Size quota exceeded: 1000 of 1000 bytes"),
    ):
        ftp.storbinary("STOR item/x.csv", io.BytesIO(b"x"))


def test_the_largest_file(ftp_server, settings) -> None:
    account, password = ftp_server.account()
    with ftp_server.client(account.username, password) as ftp:
        ftp.storbinary("STOR images/ok.jpg", io.BytesIO(b"j" * 10_000))
    assert BulkJob.objects.get().kind == "image"
