"""Conformance to the public QAPI guide, generated from its method table
(``guide/methods.json``), not from sellergate's registry.

For each method the guide describes, over the wire (``client.QapiClient``) with a
seller's real records behind the values:

- **registered**: the name is answered by a method, not "Can't find …";
- **required**: the guide's required parameters, by their guide names, with valid
  values, succeed; each one left out is refused, naming it;
- **limits**: each parameter's valid value succeeds, and a value outside each stated
  limit (length, range, enum, pattern) is refused, naming the parameter;
- **output**: every output path of the guide (``ResultObject$$Items$$ItemCode``) is in
  the JSON answer, with the guide's type (String: a string; Int32/Int64: an integer;
  Decimal: a number; Boolean: true/false); a list inside the answer may be empty (the
  world has no option images, say), the answer itself may not.

``findings`` lists what does not conform; a method conforms when it has none.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.qapi.client import QapiClient

GUIDE: dict[str, dict[str, Any]] = json.loads(
    (Path(__file__).parent / "guide" / "methods.json").read_text(encoding="utf-8")
)

#: The QAPI classes of the catalog (the "catalog methods" of the API issue).
CATALOG_CLASSES = (
    "ItemsBasic",
    "ItemsLookup",
    "ItemsOrder",
    "ItemsOptions",
    "ItemsContents",
    "CommonInfoLookup",
)
CATALOG = sorted(
    name for name in GUIDE if name.split(".")[0] in CATALOG_CLASSES and "Move" not in name
)
#: The fashion listings' methods (the MOVE issue's), across the Items classes.
MOVE = sorted(name for name in GUIDE if "Move" in name.split(".")[1])
CERTIFICATION = sorted(name for name in GUIDE if name.startswith("CertificationAPI."))

#: The classes of orders, claims and inquiries (the order issue's methods), all of them.
ORDER_CLASSES = ("ShippingBasic", "Claim", "CSCenter")
ORDERS = sorted(name for name in GUIDE if name.split(".")[0] in ORDER_CLASSES)

UNKNOWN = {-90010, -90011}  # Can't find service Name / method Info

#: Where sellergate is more lenient than the guide, each with the reason in the method's
#: docstring (and so on the reference page): (method, parameter, check). Only leniency
#: that no client following the guide can notice belongs here.
CHOICES = {
    # Absent, every item is listed.
    ("ItemsLookup.GetAllGoodsInfo", "ItemStatus", "required"),
    # The guide's ResultObject (Count, Keys$$Count, Values$$Count) is a .NET dictionary
    # flattened by reflection, whose real shape nobody has seen: one result row per
    # input row is answered instead.
    ("ItemsOrder.SetGoodsPriceQtyBulk", "*", "output"),
    ("ItemsOptions.InsertInventoryDataBulk", "*", "output"),
    ("ItemsOptions.UpdateInventoryDataBulk", "*", "output"),
    # An option adding nothing to the price is 0 (the template's option rows), not 1.
    ("ItemsOptions.InsertInventoryDataUnit", "Price", "below"),
    ("ItemsOptions.UpdateInventoryDataUnit", "Price", "below"),
    # Absent, the item ships the standard way (AvailableDateType 0).
    ("ItemsBasic.SetNewGoods", "AvailableDateType", "required"),
    ("ItemsBasic.SetNewGoods", "AvailableDateValue", "required"),
    # The guide's text: "send 0 when the list price is unknown" (its schema says 1).
    ("ItemsBasic.SetNewGoods", "RetailPrice", "below"),
    # A partial update: what is not sent is kept.
    *(
        ("ItemsBasic.UpdateGoods", param, "required")
        for param in (
            "SecondSubCat",
            "ItemTitle",
            "ProductionPlaceType",
            "AdultYN",
            "AvailableDateType",
            "AvailableDateValue",
        )
    ),
    # Live but undocumented: the guide names no parameter, and an order must be named
    # to report it delivered (OrderNo, as every other order method names it).
    ("ShippingBasic.SetSendingComplete", "*", "required"),
    # The same for EditMoveGoodsContents: its twin's (EditGoodsContents) are taken.
    ("ItemsContents.EditMoveGoodsContents", "*", "required"),
    # As SetNewGoods: 0 is an unknown list price.
    ("ItemsBasic.SetNewMoveGoods", "RetailPrice", "below"),
    ("ItemsBasic.UpdateMoveGoods", "RetailPrice", "below"),
}


@dataclass(frozen=True)
class World:
    """The seller's records that valid values name."""

    item_code: str
    seller_code: str
    category: str  # a leaf category code
    brand: str
    shipping: str  # a shipping group number
    item_status: str = "S2"  # the item's, as GetAllGoodsInfo codes it
    option_name: str = "色"
    option_value: str = "赤"
    option_code: str = "RED"
    # The order methods': an order, its claim and an inquiry, and a window holding them.
    order_no: str = ""
    question_no: str = ""
    seq_no: str = "1"
    start: str = ""  # yyyyMMdd
    end: str = ""
    ship_date: str = ""  # an estimated shipping date before the ship-by date
    # The MOVE methods': a colour of the listing, and the codes the operators' tables have.
    colour: str = "ブラック"
    # CreateCertificationKey's: the seller's log-in.
    user_id: str = ""
    password: str = ""

    def dashed(self, day: str) -> str:
        return f"{day[:4]}-{day[4:6]}-{day[6:8]}"


@dataclass(frozen=True)
class Finding:
    method: str
    check: str
    detail: str

    def __str__(self) -> str:
        return f"{self.method} [{self.check}] {self.detail}"


IMAGE = "https://img.example.com/mug.jpg"

#: Valid values that depend on the name alone (the guide's formats, in words).
BY_NAME: dict[str, Callable[[World], str]] = {
    "ItemCode": lambda w: w.item_code,
    "ItemStatus": lambda w: w.item_status,
    "SellerCode": lambda w: w.seller_code,
    "SecondSubCat": lambda w: w.category,
    "BrandNo": lambda w: w.brand,
    "ShippingNo": lambda w: w.shipping,
    "OptionShippingNo1": lambda w: w.shipping,
    "OptionShippingNo2": lambda w: w.shipping,
    "AddSRcode1": lambda w: w.shipping,
    "AddSRcode2": lambda w: w.shipping,
    "StandardImage": lambda w: IMAGE,
    "VideoURL": lambda w: "https://video.example.com/mug.mp4",
    "ItemTitle": lambda w: "和風マグカップ 350ml",
    "ItemPrice": lambda w: "1200",
    "ItemQty": lambda w: "10",
    "RetailPrice": lambda w: "1500",
    "Price": lambda w: "1300",
    "Qty": lambda w: "12",
    "PlusQty": lambda w: "1",
    "Weight": lambda w: "0.5",
    "Keyword": lambda w: "マグ$$カップ",
    "keyword": lambda w: "サンプル",
    "AvailableDateValue": lambda w: "3",
    "DesiredShippingDate": lambda w: "5",
    "ManufactureDate": lambda w: "2026-01-15",
    "ExpireDate": lambda w: "2027-11-30",
    "BeginDate": lambda w: "2026-12-10",
    "EndDate": lambda w: "2026-12-20",
    "StartDate": lambda w: "2026-12-10 10:30",
    "target_from_dt": lambda w: "2026/11/01",
    "target_to_dt": lambda w: "2026/11/30",
    "email": lambda w: "shop@example.com",
    "CostPrice": lambda w: "10",
    "LimitCnt": lambda w: "3",
    "OptionName": lambda w: w.option_name,
    "OptionValue": lambda w: w.option_value,
    "OptionCode": lambda w: w.option_code,
    "AdditionalOption": lambda w: "包装||*ギフト包装||*200",
    "ItemType": lambda w: f"{w.option_name}||*{w.option_value}||*0||*5||*{w.option_code}",
    "InventoryInfo": lambda w: f"{w.option_name}||*{w.option_value}||*0||*5||*{w.option_code}",
    "TextOptions": lambda w: "名入れ||*20",
    "AdditionalOptionImage": lambda w: f"包装||*ギフト包装||*{IMAGE}",
    "InventoryImage": lambda w: f"{w.option_name}||*{w.option_value}||*{IMAGE}",
    "ProductionPlace": lambda w: "SHIZUOKA",
    "ContactInfo": lambda w: "03-1234-5678",
    "OrderNo": lambda w: w.order_no,
    "orderNo": lambda w: w.order_no,
    "ContrNo": lambda w: w.order_no,
    "question_no": lambda w: w.question_no,
    "seq_no": lambda w: w.seq_no,
    "EstShipDt": lambda w: w.ship_date,
    "SearchStartDate": lambda w: w.start,
    "SearchEndDate": lambda w: w.end,
    "search_Sdate": lambda w: w.start,
    "search_Edate": lambda w: w.end,
    "search_start_dt": lambda w: w.start,
    "search_end_dt": lambda w: w.end,
    "Search_Sdate": lambda w: w.dashed(w.start),
    "Search_Edate": lambda w: w.dashed(w.end),
    "redelivery_date": lambda w: w.dashed(w.end),
    "ShippingCorp": lambda w: "ヤマト運輸",
    "TrackingNo": lambda w: "1234-5678-9012",
    "Header": lambda w: "<p>お知らせ</p>",
    "Footer": lambda w: "<p>またのご利用を</p>",
    "Contents": lambda w: "<p>手作りのマグカップです。</p>",
    "ItemDescription": lambda w: "<p>手作りのマグカップです。</p>",
    # The MOVE forms, as the guide's format texts write them.
    "OptionType": lambda w: f"{w.colour}||*BK||*Y||*MODEL-1||*M",
    "OptionMainimage": lambda w: f"{w.colour}||*{IMAGE}",
    "OptionSubimage": lambda w: f"{w.colour}||*{IMAGE}||*{IMAGE}",
    "OptionQty": lambda w: f"{w.colour}||*M||*5||*BK-M",
    "StyleNumber": lambda w: "STY0001",
    "TpoNumber": lambda w: "TPO0001",
    "MaterialNumber": lambda w: "MAT0010",
    "VideoNumber": lambda w: "VID0001",
    "AttributeInfo": lambda w: "ATG0001||*ATR0001",
    "ImageOtherUrl": lambda w: f"{IMAGE}$${IMAGE}",
    "SizetableType1": lambda w: "GSIZ0001",
    "SizetableType2": lambda w: "GSIZ0002",
    "SizetableType3": lambda w: "GSIZ0003",
    "SizetableType1Value": lambda w: "M||*SZI0001||*60",
    "SizetableType2Value": lambda w: "M||*SZI0002||*90",
    "SizetableType3Value": lambda w: "M||*SZI0003||*70",
    "OriginRegionId": lambda w: "TOKYO",
    "OriginCountryId": lambda w: "CN",
    "ExpirationDateEXP": lambda w: "2027-06-30",
    "BuyLimitDate": lambda w: "2026-12-20",
    "BuyLimitQty": lambda w: "3",
    "user_id": lambda w: w.user_id,
    "pwd": lambda w: w.password,
}


def valid_value(name: str, spec: dict[str, Any], world: World) -> str:
    """A value the guide allows for ``name`` that a seller would send."""
    if name.startswith("EnlargedImage"):
        return IMAGE
    if spec.get("items"):  # a JSON row parameter: one valid row
        row = {
            item: valid_value(item, item_spec, world)
            for item, item_spec in spec["items"].items()
            if item_spec.get("required") or item in ("ItemCode", "Qty", "Price")
        }
        return json.dumps([row], ensure_ascii=False)
    if name in BY_NAME:
        return BY_NAME[name](world)
    choices = spec.get("enum") or list(spec.get("codes", {}))
    if choices:
        return str(choices[0])
    if spec.get("pattern") == "^[1-9][0-9]{0,9}$":
        return "1"
    if spec["type"] in ("integer", "number"):
        return str(spec.get("minimum", 1))
    return "テスト"[: spec.get("maxLength", 3)]


def outside_values(spec: dict[str, Any]) -> list[tuple[str, str]]:
    """(which limit, a value just outside it) for every limit the guide states."""
    outside = []
    if "maxLength" in spec and spec["maxLength"] < 100_000:
        outside.append((f"longer than {spec['maxLength']}", "9" * (spec["maxLength"] + 1)))
    if "maxBytes" in spec:  # in UTF-8, where a kana is three bytes
        outside.append(
            (f"longer than {spec['maxBytes']} bytes", "あ" * (spec["maxBytes"] // 3 + 1))
        )
    choices = spec.get("enum") or list(spec.get("codes", {}))
    if choices:
        bad = next(c for c in ("Z", "ZZ", "99", "-1") if c not in choices)
        outside.append((f"not one of {choices}", bad))
    if spec["type"] in ("integer", "number"):
        if "minimum" in spec:
            outside.append((f"below {spec['minimum']}", str(spec["minimum"] - 1)))
        if "maximum" in spec:
            outside.append((f"above {spec['maximum']}", str(spec["maximum"] + 1)))
    if spec.get("pattern") == "^[1-9][0-9]{0,9}$":
        outside.append(("not digits", "ABC"))
    return outside


def _typed(value: Any, kind: str) -> bool:
    if kind == "String":
        return isinstance(value, str)
    if kind in ("Int32", "Int64"):
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "Decimal":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "Boolean":
        return isinstance(value, bool)
    return True  # XmlDocument: a text answer, not checked here


def _at(value: Any, path: list[str]) -> list[Any] | None:
    """Every value at ``path`` below ``value`` (lists are walked); None if it is missing."""
    if not path:
        return [value]
    if isinstance(value, list):
        found: list[Any] = []
        for element in value:
            below = _at(element, path)
            if below is None:
                return None
            found.extend(below)
        return found
    if not isinstance(value, dict) or path[0] not in value:
        return None
    return _at(value[path[0]], path[1:])


def _names(answer: dict[str, Any], param: str) -> bool:
    message = str(answer.get("ResultMsg", answer.get("ErrorMsg", "")))
    return param.lower() in message.lower()


def _refused(answer: dict[str, Any]) -> bool:
    return answer.get("ResultCode", answer.get("ErrorCode", 0)) != 0


def check(
    api: QapiClient,
    sak: str,
    name: str,
    world: World,
    reset: Callable[[], None] = lambda: None,
) -> list[Finding]:
    """What in ``name`` does not conform to the guide (empty: it conforms). ``reset``
    puts the world back before each call (a delete must find its row every time)."""
    guide = GUIDE[name]
    if "Insert" in name:  # an insert's valid row is one the item does not have yet
        world = dataclasses.replace(world, option_value="青", option_code="BLUE")
    version = (guide["versions"] or ["1.0"])[0]  # the live-only methods list none
    params = guide["params"]
    base = {p: valid_value(p, spec, world) for p, spec in params.items() if spec.get("required")}
    for group in guide.get("required_any_of", [])[:1]:
        base.update({p: valid_value(p, params[p], world) for p in group})
    findings: list[Finding] = []

    def call(values: dict[str, str]) -> dict[str, Any]:
        reset()
        return api.call(name, sak, version, **values)

    first = call(base)
    if first.get("ErrorCode") in UNKNOWN:
        return [Finding(name, "registered", first.get("ErrorMsg", ""))]
    if _refused(first) and (name, "*", "required") not in CHOICES:
        findings.append(Finding(name, "required", f"valid required values refused: {first}"))
    elif (
        guide.get("output_kind") in ("object", "array")
        and api.return_type == "json"
        and (name, "*", "output") not in CHOICES
    ):
        for path, kind in guide.get("output", {}).items():
            steps = path.split("$$")
            values = _at(first, steps)
            if values is None:
                findings.append(Finding(name, "output", f"{path} missing"))
            elif not values and not first.get("ResultObject"):
                findings.append(Finding(name, "output", f"{path}: no rows to check"))
            elif not all(_typed(v, kind) for v in values):
                findings.append(Finding(name, "output", f"{path} is not {kind}: {values[:3]}"))
    for param, spec in params.items():
        if spec.get("required") and (name, param, "required") not in CHOICES:
            answer = call({k: v for k, v in base.items() if k != param})
            if not (_refused(answer) and _names(answer, param)):
                findings.append(Finding(name, "required", f"{param} left out: {answer}"))
        value = valid_value(param, spec, world)
        if param == "SellerCode" and name.split(".")[1].startswith("SetNew"):
            value = f"NEW-{uuid.uuid4().hex[:10]}"  # a new item's code is its own
        inside = call({**base, param: value})
        if _refused(inside):
            findings.append(Finding(name, "limits", f"{param} valid value refused: {inside}"))
        for why, bad in outside_values(spec):
            if (name, param, why.split()[0]) in CHOICES:
                continue
            answer = call({**base, param: bad})
            if not (_refused(answer) and _names(answer, param)):
                findings.append(Finding(name, "limits", f"{param} {why} accepted: {answer}"))
    return findings
