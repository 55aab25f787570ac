"""The desk's two roles, as Django groups (Django's own permission system, which the
operator console, データ管理, already checks): every operator is in ``operators``; a
lead is also in ``desk leads``, the one group with the permission to approve a request
although a condition fails (``access.override_eligibility``, with a reason).

An operator may look at and keep every sellergate record the console shows — closure
days, FTP bans, the catalog's tables, a seller's records — through the console's own
rules (records only services write are shown read only, whatever the permission). The
log-in accounts (``accounts``) stay the superuser's. The groups are brought up to date
after every ``migrate``, so a new model's permissions reach operators with its
migration.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db.models import QuerySet

from sellergate.accounts.models import User

OPERATORS = "operators"
LEADS = "desk leads"
OVERRIDE = ("access", "override_eligibility")
#: Apps whose records the operators keep: sellergate's, but its log-in accounts.
KEPT_BY_SUPERUSERS = {"accounts"}


def operator_permissions() -> QuerySet[Permission]:
    labels = [
        config.label
        for config in apps.get_app_configs()
        if config.name.startswith("sellergate.") and config.label not in KEPT_BY_SUPERUSERS
    ]
    return Permission.objects.filter(content_type__app_label__in=labels).exclude(
        content_type__app_label=OVERRIDE[0], codename=OVERRIDE[1]
    )


def after_migrate(sender: Any, **_signal: Any) -> None:
    """post_migrate is sent once per app, each after that app's permissions were made:
    the groups are brought up to date once, after the last app's."""
    migrated = [config for config in apps.get_app_configs() if config.models_module is not None]
    if migrated and sender is migrated[-1]:
        ensure_roles()


def ensure_roles() -> None:
    """The two groups with their permissions (idempotent)."""
    operators, _created = Group.objects.get_or_create(name=OPERATORS)
    operators.permissions.set(operator_permissions())
    leads, _created = Group.objects.get_or_create(name=LEADS)
    leads.permissions.set(
        Permission.objects.filter(content_type__app_label=OVERRIDE[0], codename=OVERRIDE[1])
    )


def grant(user: User, *, lead: bool) -> None:
    """Put an operator in the operators' group, and a lead in the leads' too."""
    ensure_roles()
    user.groups.add(Group.objects.get(name=OPERATORS))
    if lead:
        user.groups.add(Group.objects.get(name=LEADS))
    else:
        user.groups.remove(*Group.objects.filter(name=LEADS))
