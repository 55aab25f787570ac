"""Log-in throttling for the seller center, the desk and the API's CreateCertificationKey.

Measured before: 200 wrong passwords at ~3.6/s on /seller/login/ and /desk/login/, then
the right one worked; CreateCertificationKey took 60. Each failure now scores one point
against the user ID and one against the address; at SELLERGATE_LOGIN_LOCK_THRESHOLD
(user) or SELLERGATE_LOGIN_ADDRESS_LOCK_THRESHOLD (address) that subject is locked for
SELLERGATE_LOGIN_LOCK_SECONDS, each repeat 50 % longer. Points decay (one forgotten
every window / threshold seconds), so a person who mistypes now and then is never
locked. A locked log-in is refused before the password hasher runs, so the log-in path
is no lever to slow the site. Scores live in the database, so every web process sees
them; operators see and lift locks in the desk's records.

Not django-axes: its 8.3 release declares Django up to 6.0 (this project runs 6.1), and
it needs the HTTP request in ``authenticate()``, which the API's certification (a
credentials service) does not have; this is one backend and one table, the FTP
defender's scheme.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from sellergate.accounts.models import LoginThrottle
from sellergate.audit.services import audit_record
from sellergate.core.actors import Actor

REPEAT_FACTOR = 1.5


def subjects(username: str | None, address: str | None) -> list[tuple[str, int]]:
    """(subject, lock threshold) of a log-in attempt."""
    found = []
    if username:
        found.append((f"user:{username.strip().lower()[:150]}", settings.LOGIN_LOCK_THRESHOLD))
    if address:
        found.append((f"ip:{address}", settings.LOGIN_ADDRESS_LOCK_THRESHOLD))
    return found


def login_locked_until(
    username: str | None, address: str | None, *, now: dt.datetime | None = None
) -> dt.datetime | None:
    now = now or timezone.now()
    names = [subject for subject, _limit in subjects(username, address)]
    return (
        LoginThrottle.objects.filter(subject__in=names, locked_until__gt=now)
        .order_by("-locked_until")
        .values_list("locked_until", flat=True)
        .first()
    )


def login_failed(
    username: str | None, address: str | None, *, now: dt.datetime | None = None
) -> None:
    now = now or timezone.now()
    for subject, threshold in subjects(username, address):
        _score(subject, threshold, now)


def _score(subject: str, threshold: int, now: dt.datetime) -> None:
    per_point = settings.LOGIN_WINDOW_SECONDS / threshold
    for _attempt in range(2):  # a second try if another process created the row first
        try:
            with transaction.atomic():
                row, _created = LoginThrottle.objects.select_for_update().get_or_create(
                    subject=subject, defaults={"scored_at": now}
                )
                forgotten = int((now - row.scored_at).total_seconds() // per_point)
                if forgotten > 0:
                    row.score, row.scored_at = max(0, row.score - forgotten), now
                row.score += 1
                row.failures += 1
                if row.score >= threshold:
                    seconds = settings.LOGIN_LOCK_SECONDS * REPEAT_FACTOR**row.locks
                    row.locked_until = now + dt.timedelta(seconds=seconds)
                    row.locks += 1
                    row.score, row.scored_at = 0, now
                    audit_record(
                        actor=Actor(user=None, label="login-throttle"),
                        action="login.lock",
                        obj=row,
                        after={"until": row.locked_until.isoformat(), "lock": row.locks},
                    )
                row.save()
                return
        except IntegrityError:
            continue


def login_unlock(*, actor: Actor, subject: str) -> None:
    with transaction.atomic():
        row = LoginThrottle.objects.select_for_update().filter(subject=subject).first()
        if row is None or row.locked_until is None:
            return
        before = row.locked_until.isoformat()
        row.locked_until = None
        row.score = 0
        row.save(update_fields=["locked_until", "score"])
        audit_record(actor=actor, action="login.unlock", obj=row, before={"until": before})
