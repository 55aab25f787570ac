"""Background tasks of the credentials domain. Thin: each calls a service."""

from __future__ import annotations

from django.tasks import task

from sellergate.credentials import services


@task()
def provision_ftp_account(account_id: int) -> str:
    return services.ftp_account_provision(account_id=account_id).status


@task()
def expire_api_keys() -> int:
    return services.api_keys_expire()
