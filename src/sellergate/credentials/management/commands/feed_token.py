from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sellergate.core.actors import Actor
from sellergate.credentials.errors import CredentialError
from sellergate.credentials.feed_tokens import feed_token_create, feed_token_revoke
from sellergate.credentials.models import FeedToken


class Command(BaseCommand):
    help = (
        "Tokens of the marketplace's order system for the order feed "
        "(POST /hooks/feed/<orders|claims|questions>/): create NAME, revoke ID, list."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=("create", "revoke", "list"))
        parser.add_argument("value", nargs="?", default="", help="The name, or the id.")

    def handle(self, *args: Any, **options: Any) -> None:
        actor = Actor.system("cli")
        try:
            if options["action"] == "create":
                record, token = feed_token_create(actor=actor, name=options["value"])
                self.stdout.write(f"{record.public_id} {record.name}")
                self.stdout.write(f"token (shown once, keep it secret): {token}")
            elif options["action"] == "revoke":
                feed_token_revoke(actor=actor, public_id=options["value"])
                self.stdout.write(f"{options['value']}: revoked")
            else:
                for record in FeedToken.objects.order_by("created_at"):
                    state = "revoked" if record.revoked_at else "active"
                    self.stdout.write(f"{record.public_id} {state} {record}")
        except CredentialError as error:
            raise CommandError(str(error)) from None
