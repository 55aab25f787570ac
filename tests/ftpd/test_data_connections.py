"""Active-mode data connections go only back to the client, never to a privileged port:
no FXP, no FTP bounce (the runner's permit_foreign_addresses/permit_privileged_ports)."""

from __future__ import annotations

import ftplib
import socket

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def session(ftp_server):
    account, password = ftp_server.account()
    with ftp_server.client(account.username, password) as ftp:
        yield ftp


def port_argument(host: str, port: int) -> str:
    return ",".join([*host.split("."), str(port >> 8), str(port & 0xFF)])


def test_port_to_another_address_is_refused(session) -> None:
    with pytest.raises(ftplib.error_perm, match="501 Rejected data connection to foreign"):
        session.voidcmd(f"PORT {port_argument('127.0.0.2', 40000)}")
    with pytest.raises(ftplib.error_perm, match="501 Rejected data connection to foreign"):
        session.voidcmd("EPRT |1|127.0.0.2|40000|")


def test_port_to_a_privileged_port_is_refused(session) -> None:
    with pytest.raises(ftplib.error_perm, match="501 PORT against the privileged port"):
        session.voidcmd(f"PORT {port_argument('127.0.0.1', 25)}")


def test_port_back_to_the_client_works(session) -> None:
    # The allowed case, so the refusals above are about the address and port only.
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]
        assert session.voidcmd(f"PORT {port_argument('127.0.0.1', port)}").startswith("200")
        session.sendcmd("NLST")  # 150: the server connects back to us
        raw, _ = listener.accept()
        raw.settimeout(10)
        # PROT P: as in passive mode, the client is the TLS client of the data connection.
        with session.context.wrap_socket(raw, server_hostname="127.0.0.1") as connection:
            while connection.recv(4096):  # the listing, to its end
                pass
    assert session.voidresp().startswith("226")
