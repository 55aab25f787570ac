"""Builds and runs the FTP server from an ``FtpConfig``.

pyftpdlib's ThreadedFTPServer: one thread per session, so a log-in's password hash check
never stalls the other sessions the way a single event loop would. The sessions' small
reads go to a few database threads that keep their connections (``database``); an
upload's hand-over uses the session's own connection, closed when the session ends.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from types import FrameType

from pyftpdlib.servers import ThreadedFTPServer

from sellergate.ftpd import database
from sellergate.ftpd.authorizer import SellergateAuthorizer
from sellergate.ftpd.config import FtpConfig
from sellergate.ftpd.handler import SellergateFTPHandler, SellergateFTPSHandler
from sellergate.ftpd.sessions import LIVE_SESSIONS

log = logging.getLogger(__name__)

BANNER = "sellergate FTP drop ready."
LISTEN_BACKLOG = 1024


def build_server(config: FtpConfig) -> ThreadedFTPServer:
    base = SellergateFTPSHandler if config.cert else SellergateFTPHandler
    attributes: dict[str, object] = {
        "authorizer": SellergateAuthorizer(),
        "banner": BANNER,
        "passive_ports": config.passive_ports,
        "masquerade_address": config.masquerade_address,
        "permit_foreign_addresses": False,  # no FXP / bounce
        "permit_privileged_ports": False,
        "timeout": config.idle_timeout,
        "ftp_root": config.root,
        "max_sessions_per_user": config.max_connections_per_user,
        "dtp_handler": type("ConfiguredDTP", (base.dtp_handler,), {"timeout": config.data_timeout}),
    }
    if config.cert:
        attributes.update(
            certfile=str(config.cert),
            keyfile=str(config.key),
            ssl_context=None,
            tls_control_required=config.tls == "required",
            tls_data_required=config.tls == "required",
            require_session_reuse=config.require_session_reuse,
            tls_max_version=config.tls_max_version,
        )
    handler = type("ConfiguredHandler", (base,), attributes)
    # pyftpdlib listens with a backlog of 100: a burst of log-ins beyond it (lftp mirror,
    # many clients at a minute's start) overflowed it, and the refused connections came
    # back after TCP's SYN retries (1, 2, 4 … 32 s: 300 log-ins took 63 s). The kernel
    # caps the backlog at net.core.somaxconn.
    server = ThreadedFTPServer((config.listen, config.port), handler, backlog=LISTEN_BACKLOG)
    server.max_cons = config.max_connections
    server.max_cons_per_ip = config.max_connections_per_ip
    return server


def run(config: FtpConfig) -> None:
    """Serve until SIGTERM or SIGINT, then stop accepting, let transfers in flight go on
    for up to ``config.shutdown_grace`` seconds, and close every session."""
    server = build_server(config)
    stopping = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log.info("FTP server listening on %s:%s (TLS %s)", config.listen, config.port, config.tls)
    try:
        while not stopping.is_set():
            server.serve_forever(timeout=0.5, blocking=False, handle_exit=False)
        # No more accepting: the listening socket is not polled from here on.
        deadline = time.monotonic() + config.shutdown_grace
        while time.monotonic() < deadline and any(s.transferring for s in list(LIVE_SESSIONS)):
            time.sleep(0.1)
        log.info("FTP server stopping")
    finally:
        server.close_all()
        database.stop()
