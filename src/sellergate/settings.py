"""The one settings module: everything comes from environment variables with safe defaults.

Tests, the demo and production all import this module; there is no settings file that
exists only in production. ``sellergate.env`` parses each variable and fails fast.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import secrets
import socket
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from sellergate.env import (
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_optional_str,
    env_path,
    env_str,
)

PACKAGE_DIR = Path(__file__).resolve().parent

DATA_DIR = env_path(
    "SELLERGATE_DATA_DIR",
    Path("var"),
    "Directory for the SQLite database, the secret key file, static files and FTP homes.",
    shown="./var",
)
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("SELLERGATE_DEBUG", False, "Django debug mode. Never on in production.")
DEMO = env_bool(
    "SELLERGATE_DEMO", False, "Demo mode: console e-mail, relaxed TLS; set by `sellergate demo`."
)


def _secret_key() -> str:
    """The configured key, or one generated once and kept in the data directory.

    A single-machine install then needs no configuration and keeps its sessions across
    restarts; several machines must share ``SELLERGATE_SECRET_KEY`` (see the deploy docs).
    """
    configured = env_optional_str(
        "SELLERGATE_SECRET_KEY",
        "Django's secret key. Default: generated once into DATA_DIR/secret_key.",
    )
    if configured:
        return configured
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list(
    "SELLERGATE_ALLOWED_HOSTS",
    ["localhost", "127.0.0.1", "[::1]"],
    "Comma-separated host names this site answers to.",
)
TRUSTED_PROXIES = env_list(
    "SELLERGATE_TRUSTED_PROXIES",
    [],
    "Addresses/networks of the reverse proxies in front of the web servers: only from these "
    "is X-Forwarded-For (the client's address) and X-Forwarded-Proto believed.",
)
CSRF_TRUSTED_ORIGINS = env_list(
    "SELLERGATE_CSRF_TRUSTED_ORIGINS", [], "Origins trusted for CSRF behind a reverse proxy."
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",  # intcomma for prices and stock on the pages
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    # domain apps (docs/architecture.md)
    "sellergate.audit",
    "sellergate.accounts",
    "sellergate.sellers",
    "sellergate.catalog",
    "sellergate.businessdays",
    "sellergate.access",
    "sellergate.credentials",
    "sellergate.bulk",
    # the grant workflow above access and credentials
    "sellergate.grants",
    "django_tasks_db",
    # interface apps
    "sellergate.qapi",
    "sellergate.worker",
    "sellergate.ftpd",
    "sellergate.monitoring",
    "sellergate.portal",
    "sellergate.desk",
    "sellergate.hooks",
    # the project package itself, for the `sellergate` management commands and templates
    "sellergate",
]

MIDDLEWARE = [
    "sellergate.proxies.TrustedProxyMiddleware",
    "sellergate.monitoring.middleware.RequestMetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "sellergate.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "sellergate.i18n.JapaneseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "sellergate.error_pages.NotAllowedPageMiddleware",
]
CSRF_FAILURE_VIEW = "sellergate.error_pages.csrf_failure"

ROOT_URLCONF = "sellergate.urls"
WSGI_APPLICATION = "sellergate.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "sellergate.core.return_path.context",
                "sellergate.portal.navigation.context",
                "sellergate.desk.navigation.context",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str(
            "DATABASE_URL",
            f"sqlite:///{DATA_DIR / 'sellergate.sqlite3'}",
            "Database URL; default a SQLite file in DATA_DIR. postgres://user:pass@host:port/db",
            shown="sqlite:///DATA_DIR/sellergate.sqlite3",
        ),
        conn_max_age=env_int(
            "SELLERGATE_DB_CONN_MAX_AGE", 60, "Seconds to keep a database connection.", minimum=0
        ),
        conn_health_checks=True,
    )
}


def _private_sqlite_file(name: str) -> None:
    """The database holds session keys and password hashes: 0600, made so before SQLite
    first opens it (SQLite gives its -wal and -shm files the database file's mode)."""
    path = Path(name)
    if str(path) in ("", ":memory:") or not path.parent.is_dir():
        return
    path.touch(mode=0o600, exist_ok=True)
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(FileNotFoundError, PermissionError):
            if file.stat().st_mode & 0o077:
                file.chmod(0o600)


if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    _private_sqlite_file(DATABASES["default"]["NAME"])
    # WAL lets the web, FTP and worker processes read while one writes; IMMEDIATE makes
    # a write transaction take the lock up front instead of failing midway with
    # "database is locked"; the timeout makes a writer wait for another instead.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # A file (not memory) so that test helpers can run sellergate in another process on
    # it; named per test run so that two runs in one checkout do not share it.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / f"test-{os.getpid()}.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# Django's model backend behind the log-in throttle (accounts/throttle.py).
AUTHENTICATION_BACKENDS = ["sellergate.accounts.backends.ThrottledModelBackend"]
LOGIN_LOCK_THRESHOLD = env_int(
    "SELLERGATE_LOGIN_LOCK_THRESHOLD",
    10,
    "Failed log-ins (decaying) that lock a user ID on the web pages and the API.",
    minimum=1,
)
LOGIN_ADDRESS_LOCK_THRESHOLD = env_int(
    "SELLERGATE_LOGIN_ADDRESS_LOCK_THRESHOLD",
    30,
    "Failed log-ins (decaying) that lock an address, whatever user IDs it tries.",
    minimum=1,
)
LOGIN_WINDOW_SECONDS = env_int(
    "SELLERGATE_LOGIN_WINDOW_SECONDS",
    900,
    "Failed-log-in scores decay by the threshold per this many seconds.",
    minimum=1,
)
LOGIN_LOCK_SECONDS = env_int(
    "SELLERGATE_LOGIN_LOCK_SECONDS", 300, "First lock's length; each repeat 50 % longer.", minimum=1
)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "portal:login"

# Japanese first: the marketplace and its sellers work in Japanese; English is the
# second language, chosen explicitly (see sellergate.i18n).
LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", _("Japanese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Tokyo"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env_path(
    "SELLERGATE_STATIC_ROOT",
    DATA_DIR / "static",
    "Where `sellergate prepare` collects the static files (a reverse proxy may serve them).",
    shown="DATA_DIR/static",
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

EMAIL_BACKEND_PATH = env_str(
    "SELLERGATE_EMAIL_BACKEND",
    "sellergate.demo_mail.DemoEmailBackend"
    if DEMO
    else "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
    "Django e-mail backend: SMTP; in demo each mail in full under DATA_DIR/mail/ and one "
    "line on the console; the console in debug.",
    shown="SMTP (demo: files and a line each; debug: console)",
)
_smtp_options = {
    "host": env_str("SELLERGATE_EMAIL_HOST", "localhost", "SMTP host."),
    "port": env_int("SELLERGATE_EMAIL_PORT", 25, "SMTP port.", minimum=1, maximum=65535),
    "username": env_str("SELLERGATE_EMAIL_USER", "", "SMTP user name."),
    "password": env_str("SELLERGATE_EMAIL_PASSWORD", "", "SMTP password."),
    "use_tls": env_bool("SELLERGATE_EMAIL_TLS", False, "STARTTLS to the SMTP server."),
    "timeout": env_int("SELLERGATE_EMAIL_TIMEOUT", 30, "SMTP timeout in seconds.", minimum=1),
}
MAILERS = {
    "default": {
        "BACKEND": EMAIL_BACKEND_PATH,
        "OPTIONS": _smtp_options
        if EMAIL_BACKEND_PATH.endswith("smtp.EmailBackend")
        else {"file_path": str(DATA_DIR / "mail")}
        if EMAIL_BACKEND_PATH.endswith(("DemoEmailBackend", "filebased.EmailBackend"))
        else {},
    }
}
DEFAULT_FROM_EMAIL = env_str(
    "SELLERGATE_FROM_EMAIL", "sellergate@localhost", "Sender address of notifications."
)

WEB_HOST = env_str("SELLERGATE_HOST", "127.0.0.1", "Address the web server listens on.")
WEB_PORT = env_int("SELLERGATE_PORT", 8000, "Port of the web server.", minimum=1, maximum=65535)
# Unless the public address is set, links (e-mails, the API reference's examples) point
# where the web server listens: a demo on another port links to that port. A server
# listening on every address is reached on this machine at the loopback one.
_LINK_HOST = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(  # noqa: S104 - a comparison
    WEB_HOST, f"[{WEB_HOST}]" if ":" in WEB_HOST else WEB_HOST
)
_cutoff = env_str(
    "SELLERGATE_DESK_CUTOFF",
    "17:00",
    "The desk's cut-off, hh:mm Japan time: a request received at or after it on a business "
    "day is due the next business day. Empty: none.",
).strip()
try:
    DESK_CUTOFF: _dt.time | None = _dt.time.fromisoformat(_cutoff) if _cutoff else None
except ValueError:
    raise ImproperlyConfigured(
        f"SELLERGATE_DESK_CUTOFF is {_cutoff!r}: give hh:mm (e.g. 17:00), or nothing"
    ) from None

BASE_URL = env_str(
    "SELLERGATE_BASE_URL",
    f"http://{_LINK_HOST}:{WEB_PORT}",
    "The public address of the web server, for links in e-mails.",
    shown="http://SELLERGATE_HOST:SELLERGATE_PORT",
).rstrip("/")

# --- security headers: behind TLS whenever the public address is https -----------------
_HTTPS = BASE_URL.startswith("https://")
SESSION_COOKIE_SECURE = env_bool(
    "SELLERGATE_SECURE_COOKIES",
    _HTTPS,
    "Send cookies over HTTPS only. Default: on when SELLERGATE_BASE_URL is https.",
    shown="on when SELLERGATE_BASE_URL is https",
)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int(
    "SELLERGATE_HSTS_SECONDS",
    31536000 if _HTTPS else 0,
    "Strict-Transport-Security max-age sent on HTTPS responses; 0 sends none. Default: a "
    "year when SELLERGATE_BASE_URL is https.",
    minimum=0,
    shown="31536000 when SELLERGATE_BASE_URL is https, else 0",
)
# Django's own Content-Security-Policy (6.0+): the pages use no inline script or style,
# only the site's own files; scripts also by the per-response nonce (the admin's).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
#: What the pages never use; sent by sellergate.security.PermissionsPolicyMiddleware.
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), "
    "bluetooth=(), interest-cohort=()"
)
AUTO_APPROVE = env_bool(
    "SELLERGATE_AUTO_APPROVE",
    False,
    "Approve a request that passes every condition automatically, on business days only.",
)

# --- credentials ---------------------------------------------------------------------


def _peppers() -> tuple[str, dict[str, bytes]]:
    """The server-side secrets API key hashes are keyed with, by id; the first is current.

    ``SELLERGATE_KEY_PEPPERS="2:new-secret,1:old-secret"`` rotates: new keys use id 2,
    keys hashed under id 1 still verify. Default: one pepper generated into the data dir.
    """
    configured = env_list(
        "SELLERGATE_KEY_PEPPERS",
        [],
        "id:secret pairs for hashing API keys, current first. Default: generated into DATA_DIR.",
    )
    if not configured:
        path = DATA_DIR / "key_pepper"
        if not path.exists():
            path.touch(mode=0o600)
            path.write_text(secrets.token_urlsafe(48))
        configured = [f"1:{path.read_text().strip()}"]
    peppers: dict[str, bytes] = {}
    for item in configured:
        pepper_id, sep, value = item.partition(":")
        if not sep or not pepper_id or len(value) < 32:
            from django.core.exceptions import ImproperlyConfigured

            raise ImproperlyConfigured(
                "SELLERGATE_KEY_PEPPERS must be comma-separated id:secret pairs with secrets of "
                "at least 32 characters, e.g. 2:<random>,1:<older random>."
            )
        peppers[pepper_id] = value.encode()
    return configured[0].partition(":")[0], peppers


KEY_PEPPER_ID, KEY_PEPPERS = _peppers()
API_KEY_MAX_AGE_DAYS = env_int(
    "SELLERGATE_API_KEY_MAX_AGE_DAYS",
    0,
    "Days an API key lives before it expires; 0 = no expiry (operator policy).",
    minimum=0,
)
API_KEY_EXPIRY_NOTICE_DAYS = [
    int(day)
    for day in env_list(
        "SELLERGATE_API_KEY_EXPIRY_NOTICE_DAYS", ["14", "7", "1"], "Days before expiry to warn."
    )
]
API_KEY_DEFAULT_GRACE_HOURS = env_int(
    "SELLERGATE_API_KEY_GRACE_HOURS",
    24,
    "How long a rotated key keeps working by default.",
    minimum=0,
)
SAK_LIFETIME_DAYS = env_int(
    "SELLERGATE_SAK_LIFETIME_DAYS",
    365,
    "Lifetime of a seller authorization key (the marketplace's keys last 1 year).",
    minimum=1,
)
CREDENTIAL_CACHE_SECONDS = env_int(
    "SELLERGATE_CREDENTIAL_CACHE_SECONDS",
    60,
    "Upper bound on how long a verified key is cached (changes invalidate it at once).",
    minimum=0,
)
FTP_ROOT = env_path(
    "SELLERGATE_FTP_ROOT",
    DATA_DIR / "ftp",
    "Directory holding each seller's FTP home.",
    shown="DATA_DIR/ftp",
)
FTP_PROVISION_RETRY_SECONDS = env_int(
    "SELLERGATE_FTP_PROVISION_RETRY_SECONDS",
    60,
    "Seconds an FTP account may wait in provisioning before its task is enqueued again.",
    minimum=0,
)
STANDING_SUSPEND_AFTER_DAYS = env_int(
    "SELLERGATE_STANDING_SUSPEND_AFTER_DAYS",
    0,
    "Suspend a seller's keys and FTP account after this many business days out of "
    "standing; 0 = only warn.",
    minimum=0,
)
GITHUB_KEYS_SOURCE = env_str(
    "SELLERGATE_SECRET_SCANNING_KEYS",
    "",
    "URL or file of the public keys that sign secret-scanning alerts (empty: endpoint off).",
)

API_MAX_BODY_BYTES = env_int(
    "SELLERGATE_API_MAX_BODY_BYTES",
    10 * 1024**2,
    "Largest API request body (form-encoded); larger ones are refused before being read.",
    minimum=1024,
)
# Django's own limit on a form-encoded body follows the API's (its bulk methods carry a
# JSON array in one field); files uploaded on the pages are limited separately.
DATA_UPLOAD_MAX_MEMORY_SIZE = API_MAX_BODY_BYTES
API_RATE_PER_SECOND = env_int(
    "SELLERGATE_API_RATE_PER_SECOND",
    10,
    "Marketplace API calls per second per key, sustained (operators can set a seller's own).",
    minimum=1,
)
API_RATE_BURST = env_int(
    "SELLERGATE_API_RATE_BURST",
    50,
    "Marketplace API calls a key may make at once before the per-second rate applies.",
    minimum=1,
)
API_USAGE_FLUSH_SECONDS = env_int(
    "SELLERGATE_API_USAGE_FLUSH_SECONDS",
    2,
    "How often each process writes its API usage counts to the database.",
    minimum=0,
)

BULK_MAX_UPLOAD_BYTES = env_int(
    "SELLERGATE_BULK_MAX_UPLOAD_BYTES",
    50 * 1024 * 1024,
    "Largest bulk file accepted by web upload (FTP has its own per-file limit).",
    minimum=1024,
)

BULK_MAX_ROWS = env_int(
    "SELLERGATE_BULK_MAX_ROWS", 1_000_000, "Most rows one bulk file may have.", minimum=1
)
BULK_JOB_MAX_MEMORY_MB = env_int(
    "SELLERGATE_BULK_JOB_MAX_MEMORY_MB",
    2048,
    "Address space of the child process each bulk job runs in; over it the job fails "
    "with that reason and the worker goes on. 0 runs jobs inside the worker.",
    minimum=0,
)
BULK_XLSX_MAX_ENTRIES = env_int(
    "SELLERGATE_BULK_XLSX_MAX_ENTRIES",
    1000,
    "Most parts (zip entries) an uploaded XLSX may have; a template has about ten.",
    minimum=10,
)
BULK_XLSX_MAX_PART_BYTES = env_int(
    "SELLERGATE_BULK_XLSX_MAX_PART_BYTES",
    1536 * 1024**2,
    "Largest unpacked part of an uploaded XLSX (a million template rows unpack to ~0.5 GB).",
    minimum=1024**2,
)
BULK_XLSX_MAX_TOTAL_BYTES = env_int(
    "SELLERGATE_BULK_XLSX_MAX_TOTAL_BYTES",
    2048 * 1024**2,
    "Largest unpacked size of all the parts of an uploaded XLSX together.",
    minimum=1024**2,
)
BULK_XLSX_MAX_RATIO = env_int(
    "SELLERGATE_BULK_XLSX_MAX_RATIO",
    100,
    "Largest unpacked/packed ratio of an XLSX part over 1 MB (honest sheets: about 14).",
    minimum=10,
)

FTP_PUBLIC_HOST = env_str(
    "SELLERGATE_FTP_PUBLIC_HOST", "127.0.0.1", "Host name sellers connect to for FTP."
)
FTP_PORT = env_int("SELLERGATE_FTP_PORT", 2121, "FTP control port.", minimum=1, maximum=65535)
FTP_TLS = env_choice(
    "SELLERGATE_FTP_TLS",
    "optional" if DEMO else "required",
    ("required", "optional"),
    "Explicit FTPS (AUTH TLS): required by default, optional in demo.",
    shown="required (optional in demo)",
)
FTP_PASSIVE_PORTS = env_str(
    "SELLERGATE_FTP_PASSIVE_PORTS", "60000-60099", "Passive data port range, first-last."
)
FTP_LISTEN = env_str("SELLERGATE_FTP_LISTEN", "127.0.0.1", "Address the FTP server listens on.")
FTP_MASQUERADE_ADDRESS = env_optional_str(
    "SELLERGATE_FTP_MASQUERADE_ADDRESS", "Public IPv4 address to announce in PASV behind NAT."
)
FTP_TLS_CERT = env_optional_str(
    "SELLERGATE_FTP_TLS_CERT", "PEM certificate (chain) for FTPS. Demo: generated self-signed."
)
FTP_TLS_KEY = env_optional_str("SELLERGATE_FTP_TLS_KEY", "PEM private key for FTPS.")
FTP_TLS_REQUIRE_SESSION_REUSE = env_bool(
    "SELLERGATE_FTP_TLS_REQUIRE_SESSION_REUSE",
    False,
    "Refuse an FTPS data connection that does not resume the control connection's TLS "
    "session (as vsftpd's require_ssl_reuse). curl, lftp and FileZilla resume; Python's "
    "ftplib does not, hence off by default.",
)
FTP_TLS_MAX_VERSION = env_choice(
    "SELLERGATE_FTP_TLS_MAX_VERSION",
    "1.2",
    ("1.2", "1.3"),
    "Newest TLS version for FTPS. 1.2 by default: under 1.3 the server sends session "
    "tickets on data connections that upload-only clients (lftp) never read, and their "
    "close then resets the connection and loses the file's end (ftpd/tls.py).",
)
FTP_MAX_CONNECTIONS = env_int(
    "SELLERGATE_FTP_MAX_CONNECTIONS", 512, "Most FTP connections at once.", minimum=1
)
FTP_MAX_CONNECTIONS_PER_IP = env_int(
    "SELLERGATE_FTP_MAX_CONNECTIONS_PER_IP", 20, "Most FTP connections from one address.", minimum=1
)
FTP_BAN_THRESHOLD = env_int(
    "SELLERGATE_FTP_BAN_THRESHOLD",
    15,
    "Failed-log-in score at which an address is banned (unknown user 2, wrong password 1).",
    minimum=1,
)
FTP_PASSWORD_CACHE_SECONDS = env_int(
    "SELLERGATE_FTP_PASSWORD_CACHE_SECONDS",
    60,
    "How long an FTP process remembers that a password was right (as a keyed hash, "
    "invalid once the password changes), so parallel log-ins skip the KDF. 0: off.",
    minimum=0,
)
FTP_BAN_WINDOW_SECONDS = env_int(
    "SELLERGATE_FTP_BAN_WINDOW_SECONDS",
    1800,
    "Failed-log-in scores decay by threshold points per this many seconds (no reset on a "
    "good log-in).",
    minimum=1,
)
FTP_ACCOUNT_LOCK_THRESHOLD = env_int(
    "SELLERGATE_FTP_ACCOUNT_LOCK_THRESHOLD",
    30,
    "Wrong passwords (decaying as above) that lock one FTP user, from any address.",
    minimum=1,
)
FTP_BAN_SECONDS = env_int(
    "SELLERGATE_FTP_BAN_SECONDS", 1800, "First ban's length; each repeat is 50 % longer.", minimum=1
)
FTP_QUOTA_BYTES = env_int(
    "SELLERGATE_FTP_QUOTA_BYTES", 2 * 1024**3, "Default bytes an FTP home may hold.", minimum=1
)
FTP_QUOTA_FILES = env_int(
    "SELLERGATE_FTP_QUOTA_FILES", 20_000, "Default number of files an FTP home may hold.", minimum=1
)
FTP_MAX_FILE_BYTES = env_int(
    "SELLERGATE_FTP_MAX_FILE_BYTES", 512 * 1024**2, "Largest single file by FTP.", minimum=1
)
FTP_MAX_CONNECTIONS_PER_USER = env_int(
    "SELLERGATE_FTP_MAX_CONNECTIONS_PER_USER",
    10,
    "Most sessions of one FTP user (per FTP process).",
    minimum=1,
)
FTP_SHUTDOWN_GRACE_SECONDS = env_int(
    "SELLERGATE_FTP_SHUTDOWN_GRACE_SECONDS",
    30,
    "On SIGTERM, how long transfers in flight may go on before the server closes.",
    minimum=0,
)
FTP_DATA_TIMEOUT = env_int(
    "SELLERGATE_FTP_DATA_TIMEOUT", 300, "Seconds a data transfer may stall.", minimum=5
)
FTP_STAGING_MAX_AGE_HOURS = env_int(
    "SELLERGATE_FTP_STAGING_MAX_AGE_HOURS",
    24,
    "Hours an interrupted upload is kept for a resume before it is removed.",
    minimum=1,
)
FTP_IDLE_TIMEOUT = env_int(
    "SELLERGATE_FTP_IDLE_TIMEOUT", 300, "Seconds an FTP session may stay idle.", minimum=10
)

REDIS_URL = env_optional_str(
    "SELLERGATE_REDIS_URL",
    "redis://host:6379/0 shared by every web process: the key-verification cache and the API "
    "rate limits then hold across processes and machines. Unset: each process keeps its own "
    "(enough on one machine; see docs/deploy.md).",
)


def credentials_cache(redis_url: str | None) -> dict[str, object]:
    """Verified credentials; see sellergate.credentials.cache for how staleness is bounded."""
    if redis_url:
        # Django's own Redis backend (redis-py underneath): nothing else to install or learn.
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "sellergate:credentials",
            "TIMEOUT": CREDENTIAL_CACHE_SECONDS,
        }
    return {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "credentials",
        "TIMEOUT": CREDENTIAL_CACHE_SECONDS,
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }


CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "credentials": credentials_cache(REDIS_URL),
}

# Background tasks: Django's tasks API on the database backend, run by `sellergate worker`.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

WEB_WORKERS = env_int("SELLERGATE_WEB_WORKERS", 1, "Web server worker processes.", minimum=1)
# granian's default allows hundreds of Python threads per worker, which on 2 cores spend
# their time passing the GIL: bench/api.py measured 399 API calls/s with the default,
# 566 with 2 threads, 469 with 4. 4 is the default: near the best, with room for a slow
# request (an upload) beside quick ones.
WEB_THREADS = env_int(
    "SELLERGATE_WEB_THREADS", 4, "Request threads per web worker process.", minimum=1
)

# --- operations: health, metrics, logs ------------------------------------------------

WORKER_HEARTBEAT_SECONDS = env_int(
    "SELLERGATE_WORKER_HEARTBEAT_SECONDS",
    10,
    "How often each worker records that it is alive.",
    minimum=1,
)
READY_WORKER_MAX_AGE_SECONDS = env_int(
    "SELLERGATE_READY_WORKER_MAX_AGE_SECONDS",
    60,
    "/readyz fails when no worker has recorded that it is alive for this long.",
    minimum=1,
)
METRICS_DIR = env_path(
    "SELLERGATE_METRICS_DIR",
    DATA_DIR / "metrics" / socket.gethostname(),
    "Directory where every sellergate process on this machine keeps its Prometheus counters "
    "(one file per process; /metrics adds them up). Must be local to the machine.",
    shown="DATA_DIR/metrics/<host name>",
)
METRICS_DIR.mkdir(parents=True, exist_ok=True)
# prometheus-client chooses multi-process mode when it is first imported, from this
# variable; the settings are read before any metric is defined.
os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(METRICS_DIR)
METRICS_ALLOWED_NETWORKS = env_list(
    "SELLERGATE_METRICS_ALLOWED_NETWORKS",
    ["127.0.0.0/8", "::1/128"],
    "Addresses allowed to read /metrics (the scraper's). Behind a reverse proxy, also deny "
    "/metrics there.",
)

LOG_FORMAT = env_choice(
    "SELLERGATE_LOG_FORMAT",
    "plain",
    ("plain", "json"),
    "plain: one readable line per event; json: one JSON object per line, for a log collector.",
)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "sellergate.logs.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {
        "handlers": ["console"],
        "level": env_str("SELLERGATE_LOG_LEVEL", "INFO", "Log level."),
    },
}
