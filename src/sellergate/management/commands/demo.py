from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from sellergate.bootstrap import prepare
from sellergate.demo import (
    DEMO_PASSWORD,
    DemoLogin,
    DemoSecrets,
    issue_demo_secrets,
    load_demo_data,
)
from sellergate.processes import all_processes
from sellergate.supervisor import Supervisor


class Command(BaseCommand):
    help = "Load the demo data (idempotent), print the URLs and log-ins, and serve."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", help="Address to listen on (default SELLERGATE_HOST).")
        parser.add_argument("--port", type=int, help="Web port (default SELLERGATE_PORT).")
        parser.add_argument(
            "--no-serve", action="store_true", help="Only load the data and print the log-ins."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO:
            raise CommandError("Demo mode is off: run this as `sellergate demo`.")
        prepare(verbosity=0)
        logins = load_demo_data()
        secrets = issue_demo_secrets()
        host = options["host"] or settings.WEB_HOST
        port = options["port"] or settings.WEB_PORT
        self.print_welcome(f"http://{host}:{port}", logins, secrets)
        if not options["no_serve"]:
            raise SystemExit(Supervisor(all_processes(host=host, port=port)).run())

    def print_welcome(self, base: str, logins: list[DemoLogin], secrets: DemoSecrets) -> None:
        out = self.stdout
        out.write(self.style.SUCCESS("sellergate demo — data loaded"))
        out.write(f"  Seller center : {base}/seller/")
        out.write(f"  Operator desk : {base}/desk/")
        out.write(f"  API reference : {base}/api/")
        out.write("")
        out.write("  Demo log-ins (demo data only):")
        width = max(len(login.username) for login in logins)
        for login in logins:
            name = f"{login.username:<{width}}"
            out.write(f"    {login.face:<8} {name}  {login.password}  {login.description}")
        out.write("")
        out.write(
            f"  DEMO ONLY — credentials of {secrets.seller} (new at every start, shown here once):"
        )
        out.write(f"    API key      : {secrets.api_key}")
        out.write(f"    FTP user     : {secrets.ftp_user}")
        out.write(f"    FTP password : {secrets.ftp_password}")
        out.write("    Seller authorization key for the API:")
        out.write(
            f"      curl '{base}/GMKT.INC.Front.QAPIService/ebayjapan.qapi?method="
            f"CertificationAPI.CreateCertificationKey&v=1.0&returnType=json&key={secrets.api_key}"
            f"&user_id={secrets.seller}&pwd={DEMO_PASSWORD}'"
        )
        out.write("")
        out.write("  Stop with Ctrl-C.")
