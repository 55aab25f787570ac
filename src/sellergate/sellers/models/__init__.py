"""Sellers and the records their standing is derived from.

Standing is never typed in: late shipments come from orders, unanswered questions from
customer questions, open claims from claims (see ``standing`` and ``eligibility``).
"""

from sellergate.sellers.models.claims import (
    Claim,
    ClaimKind,
    NonReceiptScope,
    NonReceiptWish,
)
from sellergate.sellers.models.orders import Order, SendType, ShippingRateType, number_validator
from sellergate.sellers.models.questions import CustomerQuestion, InquiryType
from sellergate.sellers.models.seller import ReviewStatus, Seller, login_id_validator

__all__ = [
    "Claim",
    "ClaimKind",
    "CustomerQuestion",
    "InquiryType",
    "NonReceiptScope",
    "NonReceiptWish",
    "Order",
    "ReviewStatus",
    "Seller",
    "SendType",
    "ShippingRateType",
    "login_id_validator",
    "number_validator",
]
