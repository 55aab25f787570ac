"""Orders and claims as the guide's answers name and type them.

Three shapes, one reading of the records: the v3 row (``GetShippingInfo_v3``, upper
camel), the v2 row (``GetShippingAndClaimInfoByOrderNo_V2`` and the legacy order lists,
lower camel as public v2 clients read it) and the claim row (``GetClaimInfo_V3``).

Types are the guide's: Int32 numbers (order, pack, quantity) as integers, Decimal money
as whole yen, every String a string — an absent date is "", never null, because the
guide types every date String and clients read them as such. Dates are Japan time,
``yyyy-MM-dd HH:mm:ss`` (days alone ``yyyy-MM-dd``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sellergate.qapi.params import JAPAN
from sellergate.sellers import statuses
from sellergate.sellers.models import Claim, Order, Seller
from sellergate.sellers.models.orders import settle_price_of, shipping_address_of, total_of


def when(value: dt.datetime | dt.date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        # isoformat is the fast way to this layout (thousands of dates per list).
        return value.astimezone(JAPAN).isoformat(sep=" ", timespec="seconds")[:19]
    return value.isoformat()


def number(text: str) -> int | str:
    """The marketplace's numbers are integers; a record loaded before they were checked
    may hold another text, answered as it is rather than lost."""
    return int(text) if text.isdigit() else text


def seller_login(seller: Seller) -> str:
    """The seller ID (lookups get a seller known by its key only)."""
    if seller.login_id:
        return seller.login_id
    return Seller.objects.values_list("login_id", flat=True).get(pk=seller.pk)


def related_orders(orders: Iterable[Order | Any]) -> dict[str, str]:
    """Each order's pack siblings, "n1, n2" (the guide's RelatedOrder), in one query."""
    orders = list(orders)
    packs = {o.pack_no for o in orders if o.pack_no}
    if not packs:
        return {}
    seller_id = orders[0].seller_id
    members: dict[str, list[str]] = defaultdict(list)
    for pack, order_no in (
        Order.objects.filter(seller_id=seller_id, pack_no__in=packs)
        .order_by("order_no")
        .values_list("pack_no", "order_no")
    ):
        members[pack].append(order_no)
    return {
        o.order_no: ", ".join(n for n in members[o.pack_no] if n != o.order_no)
        for o in orders
        if o.pack_no
    }


def v3_row(order: Order | Any, login_id: str, related: str = "") -> dict[str, Any]:
    """``order``: an Order, or a row of its fields (``Order.objects.values_list(named=True)``)."""
    return {
        "ShippingStatus": statuses.shipping_status(order),
        "SellerID": login_id,
        "PackNo": number(order.pack_no or order.order_no),
        "OrderDate": when(order.ordered_at),
        "PaymentDate": when(order.paid_at),
        "EstimatedShippingDate": when(order.estimated_ship_date),
        "ShippingDate": when(order.shipped_at),
        "DeliveredDate": when(order.delivered_at),
        "Buyer": order.buyer_name,
        "BuyerKana": order.buyer_kana,
        "BuyerTel": order.buyer_tel,
        "BuyerMobile": order.buyer_mobile,
        "BuyerEmail": order.buyer_email,
        "OrderNo": number(order.order_no),
        "ItemNo": order.item_code,
        "SellerItemCode": order.seller_item_code,
        "ItemTitle": order.item_title,
        "Option": order.option_text,
        "OptionCode": order.option_code,
        "OrderPrice": order.price,
        "OrderQty": order.quantity,
        "Discount": order.discount,
        "Total": total_of(order),
        "Receiver": order.receiver_name,
        "ReceiverKana": order.receiver_kana,
        "ZipCode": order.receiver_zip,
        "ShippingAddress": shipping_address_of(order),
        "Address1": order.receiver_address,
        "Address2": order.receiver_address2,
        "ReceiverTel": order.receiver_tel,
        "ReceiverMobile": order.receiver_phone,
        "DesiredDeliveryDate": order.desired_delivery,
        "SenderName": order.sender_name,
        "SenderTel": order.sender_tel,
        "SenderNation": order.sender_nation,
        "SenderZipCode": order.sender_zip,
        "SenderAddress": order.sender_address,
        "ShippingWay": order.shipping_way,
        "ShippingMessage": order.shipping_message,
        "PaymentMethod": order.payment_method,
        "SellerDiscount": order.seller_discount,
        "Currency": order.currency,
        "ShippingRate": order.shipping_rate,
        "RelatedOrder": related,
        "ShippingRateType": order.shipping_rate_type,
        "DeliveryCompany": order.delivery_company,
        "VoucherCode": order.voucher_code,
        "PackingNo": order.packing_no,
        "SellerDeliveryNo": order.seller_delivery_no,
        "Gift": order.gift,
        "CartDiscountSeller": order.cart_discount_seller,
        "CartDiscountQoo10": order.cart_discount_marketplace,
        "SettlePrice": settle_price_of(order),
        "BranchName": order.branch_name,
        "TrackingNo": order.tracking_no,
        "Material": order.material,
        "AvailableSendType": order.available_send_type,
        "AvailableShippingDate": when(order.available_shipping_date),
    }


def v2_row(order: Order | Any, login_id: str) -> dict[str, Any]:
    return {
        "shippingStatus": statuses.shipping_status(order),
        "sellerID": login_id,
        "packNo": number(order.pack_no or order.order_no),
        "orderDate": when(order.ordered_at),
        "PaymentDate": when(order.paid_at),
        "EstShippingDate": when(order.estimated_ship_date),
        "shippingDate": when(order.shipped_at),
        "DeliveredDate": when(order.delivered_at),
        "buyer": order.buyer_name,
        "buyer_gata": order.buyer_kana,
        "buyerTel": order.buyer_tel,
        "buyerMobile": order.buyer_mobile,
        "buyerEmail": order.buyer_email,
        "OrderType": order.order_type,
        "orderNo": number(order.order_no),
        "itemCode": order.item_code,
        "sellerItemCode": order.seller_item_code,
        "itemTitle": order.item_title,
        "option": order.option_text,
        "optionCode": order.option_code,
        "orderPrice": order.price,
        "orderQty": order.quantity,
        "discount": order.discount,
        "total": total_of(order),
        "receiver": order.receiver_name,
        "receiver_gata": order.receiver_kana,
        "shippingCountry": order.receiver_country,
        "zipCode": order.receiver_zip,
        "shippingAddr": shipping_address_of(order),
        "Addr1": order.receiver_address,
        "Addr2": order.receiver_address2,
        "receiverTel": order.receiver_tel,
        "receiverMobile": order.receiver_phone,
        "hopeDate": order.desired_delivery,
        "senderName": order.sender_name,
        "senderTel": order.sender_tel,
        "senderNation": order.sender_nation,
        "senderZipCode": order.sender_zip,
        "senderAddr": order.sender_address,
        "ShippingWay": order.shipping_way,
        "ShippingMsg": order.shipping_message,
        "shippingRateType": order.shipping_rate_type,
        "PackingNo": order.packing_no,
        "SellerDeliveryNo": order.seller_delivery_no,
        "VoucherCode": order.voucher_code,
        "paymentNation": order.payment_nation,
        "PaymentMethod": order.payment_method,
        "Gift": order.gift,
        "cod_price": order.cod_price,
        "Cart_Discount_Seller": order.cart_discount_seller,
        "Cart_Discount_Qoo10": order.cart_discount_marketplace,
        "currency": order.currency,
        "deliveryCompany": order.delivery_company,
        "trackingNo": order.tracking_no,
    }


def claim_part(claim: Claim | None) -> dict[str, Any]:
    """What a claim adds to an order's row (blank when the order has none)."""
    if claim is None:
        claim = Claim()
    return {
        "claimStatus": statuses.claim_status(claim) if claim.pk else "",
        "cancelRefundDate": when(claim.completed_at),
        "reason": claim.reason,
        "requestDate": when(claim.opened_at),
        "deliveryCompanyReturn": claim.return_company,
        "trackingNoReturn": claim.return_tracking_no,
        "pickupAddress": claim.pickup_address,
        "pickupzipCode": claim.pickup_zip,
        "paymentReturnShipping": claim.return_shipping_payer,
        "itemCondition": claim.item_condition,
        "CODCancelPrice": claim.cod_cancel_price,
        "CODQrefundPrice": claim.cod_refund_price,
        "CODCancelRelatedOrder": claim.cod_related_orders,
        "nrDutyTarget": claim.non_receipt_scope,
        "nrSolType": claim.non_receipt_wish,
        "nrPartRefundCnt": claim.partial_refund_count,
        "nrPartRefundBalance": claim.partial_refund_balance,
    }


COD_AND_NON_RECEIPT = (
    "CODCancelPrice",
    "CODQrefundPrice",
    "CODCancelRelatedOrder",
    "nrDutyTarget",
    "nrSolType",
    "nrPartRefundCnt",
    "nrPartRefundBalance",
)


def claim_row(claim: Claim, order: Order | None) -> dict[str, Any]:
    """A claim with its order (an order the feed has not sent leaves the order's fields
    blank rather than the claim unlisted)."""
    if order is None:
        order = Order(order_no=claim.order_no, quantity=0)
    part = claim_part(claim)
    return {
        "claimStatus": part["claimStatus"],
        "cancelRefundDate": part["cancelRefundDate"],
        "reason": part["reason"],
        "requestDate": part["requestDate"],
        "orderDate": when(order.ordered_at),
        "PaymentDate": when(order.paid_at),
        "shippingDate": when(order.shipped_at),
        "DeliveredDate": when(order.delivered_at),
        "orderNo": number(claim.order_no),
        "packNo": number(order.pack_no or claim.order_no),
        "itemCode": order.item_code,
        "sellerItemCode": order.seller_item_code,
        "itemTitle": order.item_title,
        "orderQty": order.quantity,
        "paymentNation": order.payment_nation,
        "currency": order.currency,
        "paymentAmount": total_of(order),
        "deliveryCompany": order.delivery_company,
        "trackingNo": order.tracking_no,
        "deliveryCompanyReturn": part["deliveryCompanyReturn"],
        "trackingNoReturn": part["trackingNoReturn"],
        "pickupAddress": part["pickupAddress"],
        "zipCode": part["pickupzipCode"],  # the claim list's name for the pick-up's
        "paymentReturnShipping": part["paymentReturnShipping"],
        "itemCondition": part["itemCondition"],
        "receiver": order.receiver_name,
        "receiverTel": order.receiver_tel,
        "receiverMobile": order.receiver_phone,
        "buyer": order.buyer_name,
        "buyerTel": order.buyer_tel,
        "buyerMobile": order.buyer_mobile,
        **{key: part[key] for key in COD_AND_NON_RECEIPT},
    }
