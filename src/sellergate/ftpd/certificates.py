"""A self-signed certificate for FTPS in the demo (and tests): real TLS, made locally."""

from __future__ import annotations

import datetime as dt
import ipaddress
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.conf import settings

DEMO_CERT = "ftps-cert.pem"


def ensure_self_signed(directory: Path, host: str = "127.0.0.1") -> tuple[Path, Path]:
    """(certificate, key) in ``directory``, made once."""
    directory.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = directory / DEMO_CERT, directory / "ftps-key.pem"
    if cert_path.exists() and key_path.exists():
        return cert_path, key_path
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"sellergate demo ({host})")])
    now = dt.datetime.now(dt.UTC)
    alt_names: list[x509.GeneralName] = [x509.DNSName("localhost")]
    try:
        alt_names.append(x509.IPAddress(ipaddress.ip_address(host)))
    except ValueError:
        alt_names.append(x509.DNSName(host))
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=825))
        .add_extension(x509.SubjectAlternativeName(alt_names), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_path.touch(mode=0o600)
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return cert_path, key_path


@dataclass(frozen=True)
class ServedCertificate:
    """What a seller's FTP client will be shown of the server's certificate."""

    self_signed: bool
    fingerprint: str  # SHA-256, as clients show it (AB:CD:…)


def served_certificate() -> ServedCertificate | None:
    """The certificate the FTP server presents: the configured one, or the demo's own
    (made on the FTP server's first start); None when there is none (plain FTP)."""
    path = Path(settings.FTP_TLS_CERT) if settings.FTP_TLS_CERT else None
    if path is None and settings.DEMO:
        path = settings.DATA_DIR / "tls" / DEMO_CERT
    if path is None or not path.is_file():
        return None
    certificate = x509.load_pem_x509_certificate(path.read_bytes())
    digest = certificate.fingerprint(hashes.SHA256()).hex().upper()
    return ServedCertificate(
        self_signed=certificate.issuer == certificate.subject,
        fingerprint=":".join(digest[i : i + 2] for i in range(0, len(digest), 2)),
    )
