"""Background tasks of the grant workflow. Thin: each calls one function."""

from __future__ import annotations

from django.tasks import task

from sellergate.grants import provisioning


@task()
def provision_ftp_account(account_id: int) -> str:
    return provisioning.ftp_account_provision(account_id=account_id).status
