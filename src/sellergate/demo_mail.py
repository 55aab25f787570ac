"""The demo's mail: every message in full in a file under the data directory, and one
line per message on the console (who, what, where the file is), so that the demo's
output shows its log-ins instead of screens of encoded mail."""

from __future__ import annotations

import sys
from typing import Any

from django.core.mail.backends import filebased


class DemoEmailBackend(filebased.EmailBackend):
    def write_message(self, message: Any) -> None:
        super().write_message(message)
        to = ", ".join(message.to)
        where = getattr(self.stream, "name", "")  # the file this backend writes to
        sys.stdout.write(f"mail to {to}: {message.subject}  ({where})\n")
        sys.stdout.flush()
