"""The FTP control handlers sellergate serves: plain and TLS, each made of its parts.

- ``names.PathRulesMixin``: which names and folders a command may touch (553/501/550);
- ``uploads.UploadsMixin``: uploads staged until really complete, quotas, bulk jobs;
- ``sessions.SessionMixin``: log-in, the defender, suspension, accounting;
- ``quotas.QuotaAnswerMixin`` and ``tls.StrictTLSDataMixin`` on the data connection.
"""

from __future__ import annotations

from OpenSSL import SSL
from pyftpdlib.handlers import DTPHandler, FTPHandler, TLS_DTPHandler, TLS_FTPHandler

from sellergate.ftpd.names import PathRulesMixin
from sellergate.ftpd.quotas import QuotaAnswerMixin
from sellergate.ftpd.sessions import SessionMixin
from sellergate.ftpd.tls import StrictTLSDataMixin, configure_context
from sellergate.ftpd.uploads import UploadsMixin

# Uploads are read in 1 MiB chunks rather than pyftpdlib's 64 KiB: fewer reads and
# writes per megabyte (bench/ftp_throughput.py measures the difference).
UPLOAD_CHUNK = 1024 * 1024


class QuotaDTPHandler(QuotaAnswerMixin, DTPHandler):
    ac_in_buffer_size = UPLOAD_CHUNK


class QuotaTLSDTPHandler(QuotaAnswerMixin, StrictTLSDataMixin, TLS_DTPHandler):
    ac_in_buffer_size = UPLOAD_CHUNK


class SellergateFTPHandler(PathRulesMixin, UploadsMixin, SessionMixin, FTPHandler):
    dtp_handler = QuotaDTPHandler


class SellergateFTPSHandler(PathRulesMixin, UploadsMixin, SessionMixin, TLS_FTPHandler):
    dtp_handler = QuotaTLSDTPHandler
    require_session_reuse = False
    tls_max_version = "1.2"

    @classmethod
    def get_ssl_context(cls) -> SSL.Context:
        # Built once per handler class and shared by every session; a context that has
        # made a connection can no longer be changed, so configure it only when new.
        if cls.ssl_context is None:
            configure_context(super().get_ssl_context(), cls.tls_max_version)  # ftpd/tls.py
        return cls.ssl_context

    def ftp_AUTH(self, line: str) -> None:
        super().ftp_AUTH(line)
        # Bytes a client sent after AUTH TLS but before the handshake were sent in the
        # clear: never run them as commands of the protected session (the STARTTLS
        # command-injection class, CVE-2011-1575; pyftpdlib issue 315).
        self.ac_in_buffer = b""
        self._in_buffer: list[bytes] = []
        self._in_buffer_len = 0
