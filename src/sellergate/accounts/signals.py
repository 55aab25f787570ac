"""What the accounts domain tells the domains above it, without knowing them."""

from __future__ import annotations

from django.dispatch import Signal

#: A user's password was saved (``sender`` is the User class, ``user`` the user). Sent
#: after the save, inside its transaction. The credentials domain listens: a new
#: password voids the seller authorization keys issued under the old one.
password_changed = Signal()
