"""The desk's roles: operators keep sellergate's records in the console, leads may also
override a failing condition, and the log-in accounts stay the superuser's."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from sellergate.accounts import desk_roles
from sellergate.accounts.services import operator_create
from sellergate.core.actors import Actor

pytestmark = pytest.mark.django_db


def test_an_operator_is_in_the_operators_group_and_a_lead_in_both() -> None:
    actor = Actor.system("test")
    operator = operator_create(actor=actor, username="op", password="a-long-passphrase-1")
    lead = operator_create(actor=actor, username="lead", password="a-long-passphrase-2", lead=True)
    assert set(operator.groups.values_list("name", flat=True)) == {desk_roles.OPERATORS}
    assert set(lead.groups.values_list("name", flat=True)) == {
        desk_roles.OPERATORS,
        desk_roles.LEADS,
    }
    assert lead.has_perm("access.override_eligibility")
    assert not operator.has_perm("access.override_eligibility")
    assert operator.has_perm("catalog.change_stylecode")
    assert not operator.has_perm("accounts.add_user")


def test_the_groups_follow_the_permissions_there_are() -> None:
    desk_roles.ensure_roles()
    operators = Group.objects.get(name=desk_roles.OPERATORS)
    operators.permissions.clear()  # as before a migration brought new models
    desk_roles.ensure_roles()
    codenames = set(operators.permissions.values_list("codename", flat=True))
    assert {"add_closureday", "change_tpocode", "view_auditevent"} <= codenames
    assert "override_eligibility" not in codenames
    assert not any(p.content_type.app_label == "accounts" for p in operators.permissions.all())


def test_the_groups_are_brought_up_to_date_once_per_migrate_after_the_last_app() -> None:
    from django.apps import apps

    migrated = [c for c in apps.get_app_configs() if c.models_module is not None]
    Group.objects.all().delete()
    desk_roles.after_migrate(sender=migrated[0])
    assert not Group.objects.exists()  # the later apps' permissions may not exist yet
    desk_roles.after_migrate(sender=migrated[-1])
    assert set(Group.objects.values_list("name", flat=True)) == {
        desk_roles.OPERATORS,
        desk_roles.LEADS,
    }
