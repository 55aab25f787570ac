"""Every Prometheus metric sellergate exports, in one place.

prometheus-client runs in multi-process mode (settings point ``PROMETHEUS_MULTIPROC_DIR``
at ``METRICS_DIR``): each process (web workers, FTP servers, workers) writes its own
counters to a file there, and ``/metrics`` on any web process of the machine adds them up.
What the database knows (tasks by state, queue depth, bulk jobs, worker heartbeats) is
read when scraped instead (``collectors.py``), so every web process reports the same.

Labels take few values: API methods are the registered names (anything else is
``unknown``), HTTP routes are URL pattern names, never paths.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

HTTP_REQUESTS = Counter(
    "sellergate_http_requests",
    "HTTP requests answered, by route (URL pattern name), method and status class.",
    ["route", "method", "status"],
)
HTTP_SECONDS = Histogram(
    "sellergate_http_request_duration_seconds",
    "Time to answer an HTTP request, by route.",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
API_CALLS = Counter(
    "sellergate_api_calls",
    "Marketplace API calls by method and result code (0 is success).",
    ["method", "code"],
)
KEY_VERIFICATIONS = Counter(
    "sellergate_key_verifications",
    "API key and seller authorization key checks, by kind and outcome (ok or the reason).",
    ["kind", "outcome"],
)
FTP_LOGINS = Counter("sellergate_ftp_logins", "FTP log-ins by outcome (ok, failed).", ["outcome"])
FTP_BYTES = Counter(
    "sellergate_ftp_bytes", "Bytes through FTP data connections (received, sent).", ["direction"]
)
FTP_SESSIONS = Gauge(
    "sellergate_ftp_sessions",
    "FTP control connections open now, across this machine's FTP servers.",
    multiprocess_mode="livesum",
)
BULK_ROWS = Counter(
    "sellergate_bulk_rows", "Bulk file rows processed, by outcome (ok, error).", ["outcome"]
)
