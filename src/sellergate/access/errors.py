"""What the access-request services refuse, each with a message for the person acting.

Refusal (sellergate.core.errors)
└── AccessError
├── RequestStateError     the request is no longer in a state that allows it
│                         (another operator decided first, the seller withdrew)
├── NotABusinessDay       approvals wait for a business day (Asia/Tokyo)
├── ConditionsNotMet      a hard condition fails now, and no override was given
└── OverrideNotAllowed    an override without the permission, or without a reason
"""

from __future__ import annotations

from sellergate.core.errors import Refusal


class AccessError(Refusal):
    default_code = "access"


class RequestStateError(AccessError):
    default_code = "state"


class NotABusinessDay(AccessError):
    default_code = "not_a_business_day"


class ConditionsNotMet(AccessError):
    default_code = "conditions_not_met"


class OverrideNotAllowed(AccessError):
    default_code = "override_not_allowed"
