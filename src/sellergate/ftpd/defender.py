"""The defender: repeated failed log-ins ban an address across connections and processes.

pyftpdlib limits attempts per connection only; a client that reconnects tries again.
Here every failure scores against the address (unknown user 2, wrong password 1, as
SFTPGo's defender does); reaching the threshold within the window bans the address,
each repeat ban 50 % longer. The scores live in the database, so every FTP process of
an install sees them. Bans are audited (one event per ban, not one per attempt) and an
operator can lift them.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from sellergate.audit.actors import Actor
from sellergate.audit.services import audit_record
from sellergate.credentials.models import FtpAccount
from sellergate.ftpd.models import AddressScore

UNKNOWN_USER_SCORE = 2
WRONG_PASSWORD_SCORE = 1
REPEAT_FACTOR = 1.5


def defender_banned_until(address: str, *, now: dt.datetime | None = None) -> dt.datetime | None:
    now = now or timezone.now()
    until = (
        AddressScore.objects.filter(address=address, banned_until__gt=now)
        .values_list("banned_until", flat=True)
        .first()
    )
    return until


def defender_failure(
    address: str, username: str, *, now: dt.datetime | None = None
) -> dt.datetime | None:
    """Score a failed log-in; returns the ban's end when this failure bans the address."""
    now = now or timezone.now()
    points = (
        WRONG_PASSWORD_SCORE
        if FtpAccount.objects.filter(username=username).exists()
        else UNKNOWN_USER_SCORE
    )
    window = dt.timedelta(seconds=settings.FTP_BAN_WINDOW_SECONDS)
    for _attempt in range(2):  # a second try if another process created the row first
        try:
            with transaction.atomic():
                score, _created = AddressScore.objects.select_for_update().get_or_create(
                    address=address, defaults={"window_started_at": now}
                )
                if now - score.window_started_at > window:
                    score.score, score.window_started_at = 0, now
                score.score += points
                score.failures += 1
                banned = None
                if score.score >= settings.FTP_BAN_THRESHOLD:
                    seconds = settings.FTP_BAN_SECONDS * REPEAT_FACTOR**score.ban_count
                    banned = score.banned_until = now + dt.timedelta(seconds=seconds)
                    score.ban_count += 1
                    score.score, score.window_started_at = 0, now
                    audit_record(
                        actor=Actor(user=None, label="ftp-defender", source_address=address),
                        action="ftp.ban",
                        obj=score,
                        after={
                            "until": banned.isoformat(),
                            "failures": score.failures,
                            "ban": score.ban_count,
                            "last_user": username[:64],
                        },
                    )
                score.save()
                return banned
        except IntegrityError:
            continue
    return None


def defender_lift(*, actor: Actor, address: str) -> None:
    with transaction.atomic():
        score = AddressScore.objects.select_for_update().filter(address=address).first()
        if score is None or score.banned_until is None:
            return
        before = score.banned_until.isoformat()
        score.banned_until = None
        score.score = 0
        score.save(update_fields=["banned_until", "score"])
        audit_record(actor=actor, action="ftp.ban_lift", obj=score, before={"until": before})


def defender_success(address: str) -> None:
    """A good log-in clears the address's running score (not its ban history)."""
    AddressScore.objects.filter(address=address, score__gt=0).update(score=0)
