"""Test data factories. Records are made directly; services are tested on their own."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from sellergate.accounts.models import User
from sellergate.catalog.models import Brand, Category, Product
from sellergate.sellers.models import Claim, CustomerQuestion, Order, ReviewStatus, Seller

PASSWORD = "correct-horse-battery"


class SellerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Seller

    login_id = factory.Sequence(lambda n: f"shop-{n:04d}")
    shop_name = factory.Sequence(lambda n: f"テストショップ{n}")
    contact_email = factory.LazyAttribute(lambda o: f"{o.login_id}@example.com")
    main_category = "生活雑貨"
    review_status = ReviewStatus.APPROVED
    service_points = 10


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n:04d}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.com")
    password = factory.django.Password(PASSWORD)


class SellerUserFactory(UserFactory):
    seller = factory.SubFactory(SellerFactory)


class OperatorFactory(UserFactory):
    is_staff = True


def _aware(days_ago: int, hour: int = 10) -> dt.datetime:
    day = timezone.localdate() - dt.timedelta(days=days_ago)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


class OrderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Order

    seller = factory.SubFactory(SellerFactory)
    order_no = factory.Sequence(lambda n: f"{100000 + n}")
    ordered_at = factory.LazyFunction(lambda: _aware(5))
    paid_at = factory.LazyAttribute(lambda order: order.ordered_at)
    ship_by = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=2))
    shipped_at = None


class LateOrderFactory(OrderFactory):
    ship_by = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=1))


class CustomerQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CustomerQuestion

    seller = factory.SubFactory(SellerFactory)
    question_no = factory.Sequence(lambda n: f"{700000 + n}")
    subject = "在庫について"
    asked_at = factory.LazyFunction(lambda: _aware(1))
    answered_at = None


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    seller = factory.SubFactory(SellerFactory)
    claim_no = factory.Sequence(lambda n: f"C{n:06d}")
    opened_at = factory.LazyFunction(lambda: _aware(2))
    resolved_at = None


API_PURPOSE = "自社の在庫管理システムと連動し、全商品の在庫数と価格を1時間ごとに自動更新するため"


def access_request(seller: Seller, *, kind: str = "api_key", user: User | None = None, **fields):
    """A submitted request, filed through the service as a seller would."""
    from sellergate.core.actors import Actor
    from sellergate.grants.services import request_submit

    actor = Actor(user=user, label=user.username if user else "test")
    values = {
        "contact_email": seller.contact_email,
        "product_category": "生活雑貨",
        "purpose": API_PURPOSE,
        "integrator_name": "自社開発",
        "confirmations": ["guidance_read"] if kind == "ftp" else [],
        **fields,
    }
    return request_submit(actor=actor, seller=seller, kind=kind, **values)


def granted_seller(**fields) -> Seller:
    """A seller whose API key request was approved (so it may issue keys)."""
    from sellergate.access.models import AccessRequest

    seller = SellerFactory(**fields)
    AccessRequest.objects.create(
        seller=seller,
        kind="api_key",
        status="fulfilled",
        contact_email=seller.contact_email,
        product_category="生活雑貨",
        purpose=API_PURPOSE,
        integrator_name="自社開発",
        received_at=timezone.now(),
        due_on=timezone.localdate(),
        eligibility_at_submission={},
    )
    return seller


class CategoryFactory(factory.django.DjangoModelFactory):
    """A small (leaf) category under its own medium and large ones."""

    class Meta:
        model = Category

    code = factory.Sequence(lambda n: f"3{n:08d}")
    name = factory.Sequence(lambda n: f"マグカップ{n}")
    name_en = factory.Sequence(lambda n: f"Mugs {n}")
    parent = factory.LazyAttribute(
        lambda o: Category.objects.create(
            code=f"2{o.code[1:]}",
            name="食器",
            name_en="Tableware",
            parent=Category.objects.create(
                code=f"1{o.code[1:]}", name="キッチン用品", name_en="Kitchen"
            ),
        )
    )


class BrandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Brand

    number = factory.Sequence(lambda n: f"{5000 + n}")
    name = factory.Sequence(lambda n: f"ブランド{n}")


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    seller = factory.SubFactory(SellerFactory)
    item_code = factory.Sequence(lambda n: f"{900000000 + n}")
    seller_code = factory.Sequence(lambda n: f"SKU-{n:05d}")
    title = "和風マグカップ"
    category = factory.SubFactory(CategoryFactory)
    price = 1200
    quantity = 10


MOVE_COLOURS = ("ブラック", "ホワイト")
MOVE_SIZES = ("S", "M", "L")


def _move_colours() -> list[dict]:
    return [
        {
            "name": colour,
            "colour_code": f"C{n}",
            "main": n == 0,
            "model_code": "",
            "worn_size": "",
            "image": f"https://img.example.com/colour-{n}.jpg",
            "sub_images": [],
        }
        for n, colour in enumerate(MOVE_COLOURS)
    ]


def _move_stock() -> list[dict]:
    return [
        {
            "name1": "カラー",
            "value1": colour,
            "name2": "サイズ",
            "value2": size,
            "price": 0,
            "qty": 3,
            "code": f"C{n}-{size}",
            "image": "",
        }
        for n, colour in enumerate(MOVE_COLOURS)
        for size in MOVE_SIZES
    ]


class MoveListingFactory(factory.django.DjangoModelFactory):
    """A MOVE listing in two colours and three sizes, three of each in stock; its
    product is ``product`` (``product__seller=…`` and so on)."""

    class Meta:
        model = "catalog.MoveListing"

    product = factory.SubFactory(
        ProductFactory,
        listing="move",
        title="ワイドパンツ",
        price=4900,
        options=factory.LazyFunction(_move_stock),
        quantity=len(MOVE_COLOURS) * len(MOVE_SIZES) * 3,
    )
    series_name = "ワイドパンツ"
    colours = factory.LazyFunction(_move_colours)
    styles = factory.LazyFunction(lambda: ["STY0001"])
    tpos = factory.LazyFunction(lambda: ["TPO0001"])
    seasons = factory.LazyFunction(lambda: ["1"])


def operator_actor(**fields):
    """An operator, as the desk's views make its actor."""
    from sellergate.core.actors import Actor

    user = OperatorFactory(**fields)
    return Actor(user=user, label=user.username)


class BulkJobFactory(factory.django.DjangoModelFactory):
    """A web upload's job, as recorded (no file behind it unless the test writes one)."""

    class Meta:
        model = "bulk.BulkJob"

    seller = factory.SubFactory(SellerFactory)
    source = "web"
    kind = "item"
    file_name = "items.csv"
    stored_path = factory.LazyAttribute(lambda job: f"/nonexistent/{job.file_name}")
    size = 1
