"""Creating the people who log in: operators and sellers' staff users."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from sellergate.accounts import desk_roles
from sellergate.accounts.models import User
from sellergate.audit.services import audit_record
from sellergate.core.actors import Actor
from sellergate.sellers.models import Seller


def _user_create(
    *,
    actor: Actor,
    action: str,
    username: str,
    password: str,
    email: str,
    language: str,
    seller: Seller | None,
    is_staff: bool,
    role: str = "",
) -> User:
    user = User(username=username, email=email, language=language, seller=seller, is_staff=is_staff)
    validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    with transaction.atomic():
        user.save()
        audit_record(
            actor=actor,
            action=action,
            obj=user,
            seller=seller,
            after={
                "username": username,
                "email": email,
                "is_staff": is_staff,
                **({"role": role} if role else {}),
            },
        )
    return user


@transaction.atomic
def operator_create(
    *,
    actor: Actor,
    username: str,
    password: str,
    email: str = "",
    language: str = "ja",
    lead: bool = False,
) -> User:
    """An operator of the desk, in the operators' group (and the leads', who may
    approve despite a failing condition: ``desk_roles``). Superusers come from
    ``sellergate createsuperuser``."""
    user = _user_create(
        actor=actor,
        action="operator.create",
        username=username,
        password=password,
        email=email,
        language=language,
        seller=None,
        is_staff=True,
        role="lead" if lead else "operator",
    )
    desk_roles.grant(user, lead=lead)
    return user


def seller_member_create(
    *,
    actor: Actor,
    seller: Seller,
    username: str,
    password: str,
    email: str = "",
    language: str = "ja",
) -> User:
    """A staff user of ``seller``, who logs in to the seller center."""
    return _user_create(
        actor=actor,
        action="seller_member.create",
        username=username,
        password=password,
        email=email or seller.contact_email,
        language=language,
        seller=seller,
        is_staff=False,
    )
