"""What an approval grants: called by the access services inside the approving transaction.

An API key request is fulfilled at once: the seller may issue keys from then on, and
sees each one once, when it is issued in the seller center (a secret shown once must be
made while the person who copies it is there; made at approval, it would have to be
stored until the seller came to look). An FTP application gets its account built by
the worker; the request is fulfilled when the account is ACTIVE.
"""

from __future__ import annotations

from sellergate.access.models import AccessRequest, RequestKind
from sellergate.audit.actors import Actor
from sellergate.credentials import services


def fulfil_approved(*, actor: Actor, request: AccessRequest) -> None:
    if request.kind == RequestKind.API_KEY:
        from sellergate.access.services import request_fulfil

        fulfilled = request_fulfil(actor=actor, request=request)
        request.status = fulfilled.status
    elif request.kind == RequestKind.FTP:
        services.ftp_account_open(actor=actor, request=request)
