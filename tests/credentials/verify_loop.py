"""Run as a separate process by test_processes: verifies a key each time a line comes in
and prints the outcome with the number of queries the verification took."""

import sys

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from sellergate.credentials.errors import KeyRejected  # noqa: E402
from sellergate.credentials.verification import verify_api_key  # noqa: E402

token = sys.argv[1]
for _line in sys.stdin:
    with CaptureQueriesContext(connection) as queries:
        try:
            verify_api_key(token)
            outcome = "ok"
        except KeyRejected as error:
            outcome = error.reason
    print(outcome, len(queries), flush=True)
