"""MOVE listings as a client written from the guide uses them: registered with two
colours and three sizes, price and stock changed, read back in the forms it sent — over
every request style and answer format; and the boundaries between MOVE listings and
normal items."""

from __future__ import annotations

import pytest

from sellergate.audit.models import AuditEvent
from sellergate.catalog.models import Category, Listing, MoveListing, Product, StyleCode, TpoCode
from sellergate.qapi.codes import Result
from tests.factories import ProductFactory
from tests.qapi.conftest import sak_for

pytestmark = pytest.mark.django_db

COLOURS = ("ネイビー", "ベージュ")
SIZES = ("S", "M", "L")
IMAGES = {c: f"https://img.example.com/{n}.jpg" for n, c in enumerate(COLOURS)}


@pytest.fixture
def fashion(shop) -> None:
    Category.objects.filter(pk=shop.category.pk).update(fashion=True)
    StyleCode.objects.create(code="STY0001", name="カジュアル")
    TpoCode.objects.create(code="TPO0001", name="オフィス")
    TpoCode.objects.create(code="TPO0002", name="休日")


def registration(shop, **more) -> dict[str, str]:
    """SetNewMoveGoods's parameters as the guide's table and format texts give them."""
    return {
        "SellerCode": "PANTS-001",
        "SecondSubCat": shop.category.code,
        "BrandNo": shop.brand.number,
        "ItemSeriesName": "ワイドパンツ",
        "ItemPrice": "5900",
        "RetailPrice": "7900",
        "TaxRate": "10",
        "OptionType": "$$".join(
            f"{c}||*C{n}||*{'Y' if n == 0 else 'N'}||*WP-01||*M" for n, c in enumerate(COLOURS)
        ),
        "OptionMainimage": "$$".join(f"{c}||*{IMAGES[c]}" for c in COLOURS),
        "OptionSubimage": f"{COLOURS[0]}||*https://img.example.com/back.jpg",
        "OptionQty": "$$".join(
            f"{c}||*{s}||*{n + 1}||*WP-{n}{s}" for n, c in enumerate(COLOURS) for s in SIZES
        ),
        "StyleNumber": "STY0001",
        "TpoNumber": "TPO0001$$TPO0002",
        "SeasonType": "1$$3",
        "WashinginfoWashing": "2",
        "WashinginfoLining": "2",
        "SizetableType1": "GSIZ0001",
        "SizetableType1Value": "S||*SZ01||*62$$M||*SZ01||*65$$L||*SZ01||*68",
        "ShippingNo": str(shop.shipping.number),
        "AvailableDateValue": "16:30",
        "OriginType": "2",
        "OriginCountryId": "cn",
        "IndustrialCodeType": "JAN",
        "IndustrialCode": "4901234567894",
        "ExpireDate": "2027-11-30",
        **more,
    }


def test_a_client_registers_changes_and_reads_back_a_move_listing(api, shop, fashion) -> None:
    sak = sak_for(api, shop)
    created = api.ok("ItemsBasic.SetNewMoveGoods", sak, **registration(shop))
    item_code = str(created["GdNo"])
    product = Product.objects.get(item_code=item_code)
    assert product.listing == Listing.MOVE
    assert product.title == "ワイドパンツ"
    assert product.quantity == 1 * 3 + 2 * 3  # every colour's every size
    assert product.available_date_type == 1  # same day until 16:30
    assert (product.origin_type, product.origin) == ("2", "CN")
    assert product.industrial_code_type == "J"
    assert len(product.options) == 6

    api.ok("ItemsOrder.EditMoveGoodsPrice", sak, ItemCode=item_code, ItemPrice="5400")
    stock = api.ok(
        "ItemsOptions.EditMoveGoodsInventory",
        sak,
        ItemCode=item_code,
        OptionQty=f"{COLOURS[1]}||*L||*0||*WP-1L$${COLOURS[0]}||*S||*9||*WP-0S",
    )
    assert stock["ItemCode"] == item_code

    [info] = api.ok("ItemsLookup.GetMoveItemDetailInfo", sak, ItemCode=item_code)
    assert info["ItemPrice"] == "5400"
    assert info["ItemQty"] == str((9 + 1 + 1) + (2 + 2 + 0))  # after the change
    rows = dict(
        (tuple(row.split("||*")[:2]), row.split("||*")[2]) for row in info["OptionQty"].split("$$")
    )
    assert rows[(COLOURS[0], "S")] == "9"
    assert rows[(COLOURS[1], "L")] == "0"
    assert rows[(COLOURS[1], "M")] == "2"
    assert info["OptionType"].split("$$")[0] == f"{COLOURS[0]}||*C0||*Y||*WP-01||*M"
    assert info["OptionMainimage"] == "$$".join(f"{c}||*{IMAGES[c]}" for c in COLOURS)
    assert info["OptionSubimage"] == f"{COLOURS[0]}||*https://img.example.com/back.jpg"
    assert info["TpoNumber"] == "TPO0001$$TPO0002"
    assert info["SeasonType"] == "1$$3"
    assert info["WashinginfoWashing"] == "2"
    assert info["SizetableType1Value"].startswith("S||*SZ01||*62")

    # What it read, sent back as a change with one colour fewer, keeps the rest.
    api.ok(
        "ItemsBasic.UpdateMoveGoods",
        sak,
        **registration(
            shop,
            ItemCode=item_code,
            OptionType=f"{COLOURS[0]}||*C0||*Y",
            OptionMainimage=f"{COLOURS[0]}||*{IMAGES[COLOURS[0]]}",
            OptionSubimage="",
            OptionQty=f"{COLOURS[0]}||*M||*4||*WP-0M",
        ),
    )
    listing = MoveListing.objects.get(pk=product.pk)
    assert [c["name"] for c in listing.colours] == [COLOURS[0]]
    assert listing.colours[0]["sub_images"] == ["https://img.example.com/back.jpg"]
    assert Product.objects.get(pk=product.pk).quantity == 4
    assert listing.size_tables[0]["type"] == "GSIZ0001"


def test_each_change_is_one_audit_event_with_the_listings_fields(api, shop, fashion) -> None:
    sak = sak_for(api, shop)
    events = AuditEvent.objects.count()
    item_code = str(api.ok("ItemsBasic.SetNewMoveGoods", sak, **registration(shop))["GdNo"])
    assert AuditEvent.objects.count() == events + 1
    created = AuditEvent.objects.latest("pk")
    assert created.after["move.styles"] == ["STY0001"]
    api.ok(
        "ItemsBasic.UpdateMoveGoods",
        sak,
        **registration(shop, ItemCode=item_code, SeasonType="4", ItemPrice="6100"),
    )
    changed = AuditEvent.objects.latest("pk")
    assert AuditEvent.objects.count() == events + 2
    assert changed.after == {"move.seasons": ["4"], "price": 6100}


@pytest.mark.parametrize(
    ("change", "parameter"),
    [
        ({"OptionType": "ネイビー||*C0||*N$$ベージュ||*C1||*N"}, "OptionType"),  # no main colour
        ({"OptionMainimage": f"ネイビー||*{IMAGES['ネイビー']}"}, "OptionMainimage"),  # one missing
        ({"OptionQty": "ネイビー||*S||*1||*A"}, "OptionQty"),  # ベージュ has no stock
        ({"OptionQty": "グレー||*S||*1||*A"}, "OptionQty"),  # not a colour of the listing
        ({"StyleNumber": ""}, "StyleNumber"),  # required in a fashion category
        ({"TpoNumber": "TPO9999"}, "TpoNumber"),  # not in the operators' table
        ({"SeasonType": "5"}, "SeasonType"),
        ({"OriginType": "3"}, "OriginOthers"),  # "other" needs its text
        ({"ItemDescription": "あ" * 334}, "ItemDescription"),  # 1002 bytes
        ({"AvailableDateValue": "15"}, "AvailableDateValue"),
        ({"Weight": "30.5"}, "Weight"),
    ],
)
def test_a_listing_the_guide_does_not_allow_is_refused_naming_the_parameter(
    api, shop, fashion, change, parameter
) -> None:
    sak = sak_for(api, shop)
    answer = api.call("ItemsBasic.SetNewMoveGoods", sak, **registration(shop, **change))
    assert answer["ResultCode"] != 0
    assert answer["ResultMsg"].startswith(f"{parameter}:") or parameter in answer["ResultMsg"]
    assert not Product.objects.of(shop.seller).exists()
    assert not MoveListing.objects.exists()


def test_move_methods_and_normal_items_keep_apart(client, shop, fashion) -> None:
    from tests.qapi.client import QapiClient, django_transport

    api = QapiClient(django_transport(client))
    sak = sak_for(api, shop)
    normal = ProductFactory(seller=shop.seller, category=shop.category, seller_code="MUG-1")
    answer = api.call("ItemsOrder.EditMoveGoodsPrice", sak, ItemCode=normal.item_code, ItemPrice=1)
    assert answer["ResultCode"] == Result.STATE
    assert "not a MOVE listing" in answer["ResultMsg"] or "MOVE" in answer["ResultMsg"]
    item_code = str(api.ok("ItemsBasic.SetNewMoveGoods", sak, **registration(shop))["GdNo"])
    # A normal inventory method may set a MOVE listing's stock in its own terms…
    api.ok(
        "ItemsOptions.UpdateInventoryDataUnit",
        sak,
        ItemCode=item_code,
        OptionName="カラー||*サイズ",
        OptionValue="ネイビー||*S",
        OptionCode="WP-0S",
        Price=0,
        Qty=7,
    )
    # …but not give it options that are not its colours and sizes.
    refused = api.call(
        "ItemsOptions.EditGoodsInventory",
        sak,
        ItemCode=item_code,
        InventoryInfo="色||*赤||*0||*5||*RED",
    )
    assert refused["ResultCode"] != 0
    assert refused["ResultMsg"].startswith("InventoryInfo:")
    assert Product.objects.get(item_code=item_code).quantity == 7 + 1 + 1 + 2 + 2 + 2
