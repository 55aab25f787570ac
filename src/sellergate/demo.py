"""Demo data: one operator and a seller in every standing, loaded idempotently.

Everything is created through the service functions, as an operator would. Running
the demo again finds the users in place and brings the records' dates up to today (a
late shipment stays late), without duplicating anything.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from sellergate import demo_orders
from sellergate.access.models import AccessRequest, RequestKind
from sellergate.accounts import desk_roles
from sellergate.accounts.models import User
from sellergate.accounts.services import operator_create, seller_member_create
from sellergate.businessdays.calendar import load_calendar
from sellergate.catalog import move, move_rows, options
from sellergate.catalog.models import Brand, Category, Product, ShippingGroup, StyleCode, TpoCode
from sellergate.catalog.reference import reference_save
from sellergate.catalog.services import product_create
from sellergate.core.actors import Actor
from sellergate.credentials.api_keys import api_key_create, api_key_revoke
from sellergate.credentials.ftp_accounts import ftp_password_reset
from sellergate.credentials.models import ApiKey, FtpAccount, FtpStatus, KeyStatus
from sellergate.grants.provisioning import ftp_account_provision
from sellergate.grants.services import request_approve, request_submit
from sellergate.sellers import services
from sellergate.sellers.models import ReviewStatus, Seller

DEMO_PASSWORD = "sellergate-demo"  # noqa: S105 - a published demo password, demo mode only
ACTOR = Actor.system("demo")


@dataclass(frozen=True)
class DemoLogin:
    face: str
    username: str
    password: str
    description: str


@dataclass(frozen=True)
class DemoSeller:
    login_id: str
    shop_name: str
    category: str
    review_status: str
    service_points: int
    description: str
    late_orders: int = 0
    unanswered_questions: int = 0
    open_claims: int = 0


DEMO_SELLERS = (
    DemoSeller(
        "shop-eligible",
        "さくら雑貨店",
        "生活雑貨",
        ReviewStatus.APPROVED,
        120,
        "meets every condition",
    ),
    DemoSeller("shop-minus", "みなと家電", "家電", ReviewStatus.APPROVED, -3, "service points -3"),
    DemoSeller(
        "shop-late",
        "やまびこ食品",
        "食品",
        ReviewStatus.APPROVED,
        40,
        "one late shipment",
        late_orders=1,
    ),
    DemoSeller(
        "shop-question",
        "こもれび書房",
        "本",
        ReviewStatus.APPROVED,
        15,
        "one unanswered question",
        unanswered_questions=1,
    ),
    DemoSeller(
        "shop-claim",
        "はなみずき衣料",
        "ファッション",
        ReviewStatus.APPROVED,
        60,
        "one open claim",
        open_claims=1,
    ),
    DemoSeller(
        "shop-review",
        "あおぞらコスメ",
        "ビューティー",
        ReviewStatus.PENDING,
        0,
        "opening review not complete",
    ),
    DemoSeller(
        "shop-ready",
        "ひかり工房",
        "ハンドメイド",
        ReviewStatus.APPROVED,
        80,
        "API key and FTP granted",
    ),
)

READY = "shop-ready"
DEMO_PURPOSE = "自社の在庫管理システムと連動し、全商品の在庫数と価格を1時間ごとに自動更新するため"


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _ensure_seller(spec: DemoSeller) -> Seller:
    seller = Seller.objects.filter(login_id=spec.login_id).first()
    fields: dict[str, Any] = {
        "shop_name": spec.shop_name,
        "contact_email": f"{spec.login_id}@example.com",
        "main_category": spec.category,
        "review_status": spec.review_status,
        "service_points": spec.service_points,
    }
    if seller is None:
        seller = services.seller_create(actor=ACTOR, login_id=spec.login_id, **fields)
    else:
        seller = services.seller_update(actor=ACTOR, seller=seller, changes=fields)
    if not User.objects.filter(username=spec.login_id).exists():
        seller_member_create(
            actor=ACTOR, seller=seller, username=spec.login_id, password=DEMO_PASSWORD
        )
    return seller


#: The desk's two roles: a lead may approve although a condition fails, an operator not.
DEMO_OPERATORS = (
    ("operator", True, "operator (lead: may override a failing condition)"),
    ("operator2", False, "operator (may not override)"),
)


def load_demo_data() -> list[DemoLogin]:
    today = timezone.localdate()
    with transaction.atomic():
        for username, lead, _description in DEMO_OPERATORS:
            existing = User.objects.filter(username=username).first()
            if existing is None:
                operator_create(
                    actor=ACTOR,
                    username=username,
                    password=DEMO_PASSWORD,
                    email=f"{username}@desk.example.com",
                    lead=lead,
                )
            else:  # a demo made before the desk's roles: give it its role
                desk_roles.grant(existing, lead=lead)
        logins = [
            DemoLogin("desk", username, DEMO_PASSWORD, description)
            for username, _lead, description in DEMO_OPERATORS
        ]
        for spec in DEMO_SELLERS:
            seller = _ensure_seller(spec)
            demo_orders.ensure_records(
                seller,
                today=today,
                late=spec.late_orders,
                unanswered=spec.unanswered_questions,
                open_claims=spec.open_claims,
            )
            logins.append(DemoLogin("seller", spec.login_id, DEMO_PASSWORD, spec.description))
        _ensure_waiting_request()
        demo_orders.ensure_order_day(Seller.objects.get(login_id=READY), today=today)
        _ensure_granted(Seller.objects.get(login_id=READY))
        _ensure_catalog(Seller.objects.get(login_id=READY))
    return logins


# (large, medium, small) categories: code and name in Japanese and English.
DEMO_CATEGORIES = (
    (
        ("100000001", "キッチン用品", "Kitchen"),
        ("200000001", "食器", "Tableware"),
        ("300000001", "マグカップ", "Mugs"),
    ),
    (
        ("100000001", "キッチン用品", "Kitchen"),
        ("200000001", "食器", "Tableware"),
        ("300000002", "茶碗・汁椀", "Rice and soup bowls"),
    ),
    (
        ("100000002", "インテリア", "Interior"),
        ("200000002", "照明", "Lighting"),
        ("300000003", "テーブルランプ", "Table lamps"),
    ),
)
#: A fashion category (MOVE listings there name style and TPO codes) and the codes.
DEMO_FASHION = (
    ("100000003", "レディースファッション", "Women's fashion"),
    ("200000003", "ボトムス", "Bottoms"),
    ("300000004", "パンツ", "Trousers"),
)
DEMO_STYLES = (("STY0001", "カジュアル", "Casual"), ("STY0002", "きれいめ", "Smart"))
DEMO_TPOS = (("TPO0001", "オフィス", "Office"), ("TPO0002", "休日", "Weekend"))
DEMO_BRANDS = (("5001", "波佐見焼 工房つばめ"), ("5002", "Lumen Works"))
DEMO_PRODUCTS = (
    ("MUG-001", "波佐見焼 マグカップ 藍", "300000001", "5001", 1800, 24),
    ("BOWL-001", "波佐見焼 茶碗 白磁", "300000002", "5001", 2400, 12),
    ("LAMP-001", "真鍮テーブルランプ", "300000003", "5002", 9800, 3),
)


def _ensure_catalog(seller: Seller) -> None:
    """Categories, brands, a shipping group and a few items of shop-ready, so the
    marketplace API answers with something from the first call."""
    for levels in DEMO_CATEGORIES:
        parent = None
        for code, name, name_en in levels:
            parent, _created = Category.objects.get_or_create(
                code=code, defaults={"name": name, "name_en": name_en, "parent": parent}
            )
    for number, name in DEMO_BRANDS:
        Brand.objects.get_or_create(number=number, defaults={"name": name})
    _ensure_fashion()
    if not ShippingGroup.objects.of(seller).exists():
        reference_save(
            actor=ACTOR,
            obj=ShippingGroup(
                seller=seller,
                number=1,
                name="宅配便",
                fee=700,
                free_over=5000,
                carrier="ヤマト運輸",
            ),
        )
    for code, title, category, brand, price, quantity in DEMO_PRODUCTS:
        if not Product.objects.of(seller).filter(seller_code=code).exists():
            product_create(
                actor=ACTOR,
                seller=seller,
                values={
                    "seller_code": code,
                    "title": title,
                    "category": category,
                    "brand": brand,
                    "price": price,
                    "quantity": quantity,
                    "shipping_no": 1,
                    "tax_rate": "10",
                },
            )
    _ensure_move_listing(seller)


def _ensure_fashion() -> None:
    parent = None
    for code, name, name_en in DEMO_FASHION:
        parent, _created = Category.objects.get_or_create(
            code=code,
            defaults={"name": name, "name_en": name_en, "parent": parent, "fashion": True},
        )
    for table, rows in ((StyleCode, DEMO_STYLES), (TpoCode, DEMO_TPOS)):
        for code, name, name_en in rows:
            if not table.objects.filter(code=code).exists():
                reference_save(actor=ACTOR, obj=table(code=code, name=name, name_en=name_en))


def _ensure_move_listing(seller: Seller) -> None:
    """A MOVE listing of trousers in two colours and three sizes."""
    if Product.objects.of(seller).filter(seller_code="PANTS-001").exists():
        return
    colours, stock = move_rows.compose(
        "ネイビー||*NV||*Y||*WP-01||*M$$ベージュ||*BE||*N||*WP-01||*M",
        "ネイビー||*https://img.example.com/pants-nv.jpg"
        "$$ベージュ||*https://img.example.com/pants-be.jpg",
        None,
        "$$".join(
            f"{colour}||*{size}||*{qty}||*WP-{code}-{size}"
            for colour, code in (("ネイビー", "NV"), ("ベージュ", "BE"))
            for size, qty in (("S", 4), ("M", 6), ("L", 2))
        ),
    )
    move.move_create(
        actor=ACTOR,
        seller=seller,
        values={
            "seller_code": "PANTS-001",
            "category": DEMO_FASHION[-1][0],
            "price": 5900,
            "tax_rate": "10",
            "shipping_no": 1,
            **options.inventory_values(stock),
        },
        move={
            "series_name": "ワイドパンツ",
            "colours": colours,
            "styles": ["STY0001"],
            "tpos": ["TPO0001", "TPO0002"],
            "seasons": ["1", "3"],
        },
    )


def _ensure_granted(seller: Seller) -> None:
    """shop-ready's API key request and FTP application, approved on the last business day
    and fulfilled (its FTP account built here, before the worker starts)."""
    approved_on = load_calendar().add_business_days(timezone.localdate(), -1)
    when = _at(approved_on, 10)
    for kind in (RequestKind.API_KEY, RequestKind.FTP):
        if AccessRequest.objects.of(seller).filter(kind=kind).exists():
            continue
        request = request_submit(
            actor=ACTOR,
            seller=seller,
            kind=kind,
            contact_email=seller.contact_email,
            product_category=seller.main_category,
            purpose=DEMO_PURPOSE,
            integrator_name="自社開発",
            confirmations=["guidance_read"],
            now=when - dt.timedelta(hours=1),
        )
        request_approve(actor=ACTOR, request=request, now=when)
    for account in FtpAccount.objects.of(seller).filter(status=FtpStatus.PROVISIONING):
        ftp_account_provision(account_id=account.pk)


@dataclass(frozen=True)
class DemoSecrets:
    seller: str
    api_key: str
    ftp_user: str
    ftp_password: str


def issue_demo_secrets() -> DemoSecrets:
    """Fresh secrets for shop-ready at every demo start: secrets are stored only as hashes,
    so the previous ones cannot be printed again; the old demo key is revoked."""
    seller = Seller.objects.get(login_id=READY)
    for key in ApiKey.objects.of(seller).filter(status=KeyStatus.ACTIVE):
        api_key_revoke(actor=ACTOR, key=key, reason="demo restarted")
    _key, token = api_key_create(actor=ACTOR, seller=seller, name="demo")
    account = FtpAccount.objects.get(seller=seller, status=FtpStatus.ACTIVE)
    password = ftp_password_reset(actor=ACTOR, account=account)
    return DemoSecrets(
        seller=READY, api_key=token, ftp_user=account.username, ftp_password=password
    )


def _ensure_waiting_request() -> None:
    """One request in the desk's queue from the start: shop-late's API key request, filed
    while a shipment is late, so the desk shows a failing condition beside it."""
    seller = Seller.objects.get(login_id="shop-late")
    if AccessRequest.objects.of(seller).exists():
        return
    request_submit(
        actor=ACTOR,
        seller=seller,
        kind=RequestKind.API_KEY,
        contact_email=seller.contact_email,
        product_category=seller.main_category,
        purpose="受注管理システムと連動し、注文の取得と発送処理を自動化するため",
        integrator_name="株式会社デモ連携",
    )
