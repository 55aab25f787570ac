"""The FTP panel's ready-to-paste commands, pasted: run against a real FTPS server with
the demo's self-signed certificate, curl and lftp upload the file as they are given
(the password typed at their prompt is given on the command line here); without the
demo's -k, curl is refused the certificate, which is why the panel adds it."""

from __future__ import annotations

import html
import re
import shlex
import subprocess

from django.urls import reverse

from sellergate.accounts.models import User
from sellergate.bulk.models import BulkJob
from tests import tools
from tests.factories import SellerUserFactory


def pasted(page: str, element: str) -> list[str]:
    found = re.search(rf'<pre id="{element}">(.*?)</pre>', page, re.S)
    assert found, page
    return shlex.split(html.unescape(found.group(1)))


def with_password(argv: list[str], flag: str, user: str, password: str, joiner: str) -> list[str]:
    at = argv.index(flag)
    assert argv[at + 1] == user
    return [*argv[: at + 1], f"{user}{joiner}{password}", *argv[at + 2 :]]


def test_the_panels_commands_upload_as_pasted(ftp_server, client, settings, tmp_path) -> None:
    tools.need("curl")
    tools.need("lftp")
    account, password = ftp_server.account("shop-paste")
    settings.FTP_TLS_CERT = str(ftp_server.cert)
    settings.FTP_PORT = ftp_server.port
    settings.FTP_PUBLIC_HOST = "127.0.0.1"
    user = SellerUserFactory(seller=account.seller)
    client.force_login(User.objects.get(pk=user.pk))
    page = client.get(reverse("portal:ftp_panel")).content.decode()
    (tmp_path / "items.csv").write_text("seller_unique_item_id,item_name\r\nA,マグ\r\n")

    curl = with_password(pasted(page, "curl-command"), "--user", account.username, password, ":")
    done = subprocess.run(curl, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    strict = [part for part in curl if part != "-k"]
    refused = subprocess.run(strict, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert refused.returncode == 60, refused.stderr  # curl: the peer's certificate not trusted

    lftp = with_password(pasted(page, "lftp-command"), "-u", account.username, password, ",")
    put = subprocess.run(lftp, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert put.returncode == 0, put.stderr
    assert BulkJob.objects.filter(seller=account.seller).count() == 2
