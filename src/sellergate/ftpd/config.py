"""The FTP server's configuration, read once from settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from sellergate.ftpd import tls_reuse


@dataclass(frozen=True)
class FtpConfig:
    listen: str
    port: int
    passive_ports: range
    masquerade_address: str | None
    tls: str  # "required" | "optional"
    cert: Path | None
    key: Path | None
    root: Path
    max_connections: int
    max_connections_per_ip: int
    idle_timeout: int
    data_timeout: int
    max_connections_per_user: int
    shutdown_grace: int
    require_session_reuse: bool = False
    tls_max_version: str = "1.2"

    @classmethod
    def from_settings(cls, *, port: int | None = None) -> FtpConfig:
        first, sep, last = settings.FTP_PASSIVE_PORTS.partition("-")
        try:
            passive = range(int(first), int(last if sep else first) + 1)
        except ValueError:
            raise ImproperlyConfigured(
                f"SELLERGATE_FTP_PASSIVE_PORTS={settings.FTP_PASSIVE_PORTS!r}: write first-last, "
                "e.g. 60000-60099."
            ) from None
        cert = Path(settings.FTP_TLS_CERT) if settings.FTP_TLS_CERT else None
        key = Path(settings.FTP_TLS_KEY) if settings.FTP_TLS_KEY else cert
        if settings.FTP_TLS == "required" and cert is None:
            raise ImproperlyConfigured(
                "FTPS is required (SELLERGATE_FTP_TLS=required) but no certificate is set: set "
                "SELLERGATE_FTP_TLS_CERT and SELLERGATE_FTP_TLS_KEY to PEM files."
            )
        for path in (cert, key):
            if path is not None and not path.is_file():
                raise ImproperlyConfigured(f"FTPS certificate or key file {path} does not exist.")
        if settings.FTP_TLS_REQUIRE_SESSION_REUSE and not tls_reuse.available():
            raise ImproperlyConfigured(
                "SELLERGATE_FTP_TLS_REQUIRE_SESSION_REUSE is on, but the installed pyOpenSSL "
                "cannot tell a resumed TLS session: turn the setting off or install the "
                "pyOpenSSL version in uv.lock."
            )
        return cls(
            listen=settings.FTP_LISTEN,
            port=port or settings.FTP_PORT,
            passive_ports=passive,
            masquerade_address=settings.FTP_MASQUERADE_ADDRESS,
            tls=settings.FTP_TLS,
            cert=cert,
            key=key,
            root=Path(settings.FTP_ROOT),
            max_connections=settings.FTP_MAX_CONNECTIONS,
            max_connections_per_ip=settings.FTP_MAX_CONNECTIONS_PER_IP,
            idle_timeout=settings.FTP_IDLE_TIMEOUT,
            data_timeout=settings.FTP_DATA_TIMEOUT,
            max_connections_per_user=settings.FTP_MAX_CONNECTIONS_PER_USER,
            shutdown_grace=settings.FTP_SHUTDOWN_GRACE_SECONDS,
            require_session_reuse=settings.FTP_TLS_REQUIRE_SESSION_REUSE,
            tls_max_version=settings.FTP_TLS_MAX_VERSION,
        )
