"""TLS hardening: no command injected before the handshake runs, nothing older than TLS 1.2."""

from __future__ import annotations

import socket
import ssl

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def read_reply(stream) -> str:
    line = stream.readline().decode()
    while line[3:4] == "-":  # a multi-line reply
        line = stream.readline().decode()
    return line


def test_a_command_pipelined_after_auth_tls_is_discarded(ftp_server) -> None:
    account, _password = ftp_server.account()
    with socket.create_connection(("127.0.0.1", ftp_server.port), timeout=10) as raw:
        plain = raw.makefile("rb")
        assert read_reply(plain).startswith("220")
        # AUTH TLS and, in the same packet, an attacker's command in the clear.
        raw.sendall(f"AUTH TLS\r\nUSER {account.username}\r\n".encode())
        assert read_reply(plain).startswith("234")
        context = ssl.create_default_context(cafile=str(ftp_server.cert))
        with context.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
            secure = tls.makefile("rb")
            tls.sendall(b"NOOP\r\n")
            # The first reply is NOOP's: the injected USER never ran ("331 Username ok").
            assert read_reply(secure).startswith("200")


@pytest.mark.filterwarnings("ignore:ssl.TLSVersion:DeprecationWarning")
def test_tls_below_1_2_is_refused(ftp_server) -> None:
    with socket.create_connection(("127.0.0.1", ftp_server.port), timeout=10) as raw:
        plain = raw.makefile("rb")
        read_reply(plain)
        raw.sendall(b"AUTH TLS\r\n")
        assert read_reply(plain).startswith("234")
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        try:
            context.minimum_version = ssl.TLSVersion.TLSv1
            context.maximum_version = ssl.TLSVersion.TLSv1_1
        except ValueError:
            pytest.skip("this Python's OpenSSL cannot even offer TLS 1.1")
        with pytest.raises(ssl.SSLError):
            context.wrap_socket(raw, server_hostname="127.0.0.1")
