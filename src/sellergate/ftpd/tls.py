"""FTPS on the data connection: uploads end with TLS close_notify or do not count.

Two defects together cut uploads short while everyone said "complete" (measured: 73 of
100 lftp uploads of 1.1 MB ended at 114 688 bytes on a busy machine; lftp exited 0, the
server answered 226):

1. **Bytes the client never reads.** Under TLS 1.3 OpenSSL sends session tickets after
   the handshake, on every data connection. A client that only writes (lftp uploading)
   never reads them, and closing a socket with unread data makes Linux answer with a
   reset and throw away whatever the client had not yet sent — the rest of the file.
   OpenSSL's cure is ``SSL_set_num_tickets(ssl, 0)`` on data connections, but the
   binding pyOpenSSL uses does not expose it (``SSL_OP_NO_TICKET`` still sends a
   stateful ticket, 158 bytes; measured). Under TLS 1.2 tickets are part of the
   handshake, which the client reads, so nothing is left unread: FTPS is capped at
   TLS 1.2 by default (``SELLERGATE_FTP_TLS_MAX_VERSION``), with forward-secret AEAD
   suites only. With "1.3" the second fix still keeps cut files out.
2. **A reset taken for the end of the file.** pyftpdlib ends an upload as complete when
   the connection closes in any way (``DTPHandler.handle_close``), which over TLS
   includes a reset or a bare FIN without close_notify. As vsftpd's
   ``strict_ssl_read_eof``, an FTPS upload counts only when the client closed its TLS
   stream with close_notify (``SSL_RECEIVED_SHUTDOWN``); otherwise the answer is 426 and
   the file stays in staging for a resume, never handed over. Every FTPS client we test
   (curl, lftp, Python's ftplib, FileZilla's GnuTLS) sends close_notify.

``StrictTLSDataMixin`` is the small, upstream-ready part: it belongs in pyftpdlib's
``TLS_DTPHandler``.
"""

from __future__ import annotations

import logging
from typing import Any

from OpenSSL import SSL
from pyftpdlib.handlers import TLS_DTPHandler

from sellergate.ftpd.tls_reuse import resumes_control_session

log = logging.getLogger(__name__)

VERSIONS = {"1.2": SSL.TLS1_2_VERSION, "1.3": SSL.TLS1_3_VERSION}

#: TLS 1.2 suites: ECDHE key exchange (forward secrecy) with AES-GCM or ChaCha20-Poly1305,
#: as in Mozilla's "intermediate" profile. TLS 1.3's suites are all of that kind already.
TLS12_CIPHERS = b"ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!eNULL"

UNCLEAN_END = (
    "426 Upload not complete: the data connection closed without a TLS close_notify, so "
    "the file may be cut short. It was not processed; upload it again (or resume it)."
)


def configure_context(context: SSL.Context, max_version: str) -> None:
    """TLS 1.2 at least, ``max_version`` at most, and resumable sessions on data
    connections (cheaper, and required with require_session_reuse)."""
    context.set_min_proto_version(SSL.TLS1_2_VERSION)
    context.set_max_proto_version(VERSIONS[max_version])
    context.set_cipher_list(TLS12_CIPHERS)
    context.set_session_id(b"sellergate-ftp")
    context.set_session_cache_mode(SSL.SESS_CACHE_SERVER)


class StrictTLSDataMixin(TLS_DTPHandler):
    """For a pyftpdlib TLS data channel: an upload is complete only after close_notify."""

    # pyftpdlib's DTPHandler attributes this mixin reads and sets.
    transfer_finished: bool
    _resp: tuple[Any, ...]

    def close(self) -> None:
        if (
            not self._closed
            and self.receive
            and self.transfer_finished
            and self._ssl_requested
            and not self._peer_sent_close_notify()
        ):
            # Before pyftpdlib's close: it answers, then reports the file received.
            self.transfer_finished = False
            self._resp = (UNCLEAN_END, log.info)
        super().close()

    def _peer_sent_close_notify(self) -> bool:
        try:
            return bool(self.socket.get_shutdown() & SSL.RECEIVED_SHUTDOWN)
        except (AttributeError, SSL.Error):
            return False

    def handle_ssl_established(self) -> None:
        control = self.cmd_channel
        if control.require_session_reuse and not resumes_control_session(
            self.socket,
            control.socket,
        ):
            # vsftpd's wording, which FTP clients and their users already know.
            control.respond(
                "522 SSL connection failed: session reuse required. Use a client that "
                "resumes the TLS session on data connections (curl, lftp, FileZilla)."
            )
            control.log_cmd("PROT", "P", 522, "TLS session not resumed")
            self.close()
            return
        super().handle_ssl_established()
