"""Background tasks of the credentials domain. Thin: each calls one function.

(FTP provisioning is the grant workflow's task: ``sellergate.grants.tasks``.)
"""

from __future__ import annotations

from django.tasks import task

from sellergate.credentials import api_keys


@task()
def expire_api_keys() -> int:
    return api_keys.api_keys_expire()
