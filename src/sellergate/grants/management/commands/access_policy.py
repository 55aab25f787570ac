from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from sellergate.grants.services import policy_run


class Command(BaseCommand):
    help = (
        "Approve, under the automatic approval policy, every submitted request that passes "
        "every condition. Run each business-day morning; does nothing when the policy is off."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.AUTO_APPROVE:
            self.stdout.write("The automatic approval policy is off (SELLERGATE_AUTO_APPROVE).")
            return
        approved = policy_run()
        self.stdout.write(f"{len(approved)} request(s) approved by the policy.")
