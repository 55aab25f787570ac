"""CertificationAPI: the seller authorization key for an API key and a seller log-in."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from sellergate.accounts.throttle import login_failed
from sellergate.credentials.errors import CredentialError
from sellergate.credentials.seller_auth_keys import sak_issue
from sellergate.qapi.codes import ApiError, Result
from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call, method


@method(
    "CertificationAPI.CreateCertificationKey",
    key="api_key",
    writes=True,
    success_message="成功",  # the marketplace answers this one in Japanese, always
    summary=gettext_lazy(
        "Exchange the API key and a seller user's ID and password for a seller "
        "authorization key, which every other method takes."
    ),
    params=(
        Param("user_id", required=True, max_length=150, help=gettext_lazy("Seller user ID.")),
        Param("pwd", required=True, max_length=128, help=gettext_lazy("Its password.")),
    ),
)
def create_certification_key(call: Call) -> str:
    try:
        _sak, token = sak_issue(
            api_key_token=call.key,
            login_id=call.params["user_id"],
            password=call.params["pwd"],
            source_address=call.source_address,
        )
    except CredentialError as refusal:
        failed = None
        if refusal.failed_login:  # scored once the call's transaction is rolled back

            def failed() -> None:
                login_failed(call.params["user_id"], call.source_address)

        raise ApiError(Result.LOGIN_FAILED, refusal.message, after_rollback=failed) from None
    return token
