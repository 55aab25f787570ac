"""Whether an FTPS data connection resumed the TLS session of its control connection.

Without it, whoever connects first to a passive port gets the data (a "data connection
steal"); vsftpd's ``require_ssl_reuse`` closes that hole by accepting only data
connections that resume the control connection's session, which only the client who
made that session can do. pyOpenSSL has no public call for "was this session resumed",
so this asks OpenSSL through the binding pyOpenSSL itself uses (``SSL_session_reused``);
``available()`` lets the server refuse to start with the option on if a future
pyOpenSSL drops it, rather than silently accepting every connection.
"""

from __future__ import annotations

from OpenSSL import SSL

try:
    from OpenSSL._util import lib as _lib
except ImportError:  # pragma: no cover - depends on the installed pyOpenSSL
    _lib = None


def available() -> bool:
    return _lib is not None and hasattr(_lib, "SSL_session_reused")


def resumes_control_session(data: SSL.Connection, control: SSL.Connection) -> bool:
    """True when ``data`` resumed a session this server issued, and — under TLS 1.2,
    where a resumed session keeps its master secret — the control connection's own.

    Under TLS 1.3 a resumption derives fresh secrets, so "resumed" proves the client
    holds a ticket this server issued; pyftpdlib's refusal of data connections from an
    address other than the control connection's covers the rest.
    """
    if _lib is None or not _lib.SSL_session_reused(data._ssl):
        return False
    if data.get_protocol_version_name() == "TLSv1.2":
        return data.master_key() == control.master_key()
    return True
