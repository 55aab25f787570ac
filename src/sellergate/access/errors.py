"""What the access-request services refuse, each with a message for the person acting.

AccessError
├── RequestStateError     the request is no longer in a state that allows it
│                         (another operator decided first, the seller withdrew)
├── NotABusinessDay       approvals wait for a business day (Asia/Tokyo)
├── ConditionsNotMet      a hard condition fails now, and no override was given
└── OverrideNotAllowed    an override without the permission, or without a reason
"""

from __future__ import annotations


class AccessError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RequestStateError(AccessError):
    pass


class NotABusinessDay(AccessError):
    pass


class ConditionsNotMet(AccessError):
    pass


class OverrideNotAllowed(AccessError):
    pass
