"""An item's options, one reading for the API and the bulk files (catalog/options.py)."""

from __future__ import annotations

import pytest

from sellergate.catalog import options
from sellergate.catalog.errors import CatalogError
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

ONE_LEVEL = "色||*赤||*0||*5||*RED$$色||*青||*100||*2||*BLUE"
TWO_LEVELS = "色||*赤||*サイズ||*M||*0||*3||*RED-M$$色||*赤||*サイズ||*L||*50||*1||*RED-L"


def test_one_level_has_five_parts_and_two_levels_seven() -> None:
    one = options.parse_inventory(ONE_LEVEL)
    assert [(r["value1"], r["price"], r["qty"], r["code"]) for r in one] == [
        ("赤", 0, 5, "RED"),
        ("青", 100, 2, "BLUE"),
    ]
    two = options.parse_inventory(TWO_LEVELS)
    assert [(r["value1"], r["value2"], r["code"]) for r in two] == [
        ("赤", "M", "RED-M"),
        ("赤", "L", "RED-L"),
    ]
    assert options.inventory_values(two) == {"options": two, "quantity": 4}


@pytest.mark.parametrize(
    "text",
    [
        "色||*赤||*0||*5",  # four parts
        "色||*赤||*0||*-1||*RED",  # negative stock
        "色||*赤||*0||*5||*RED$$色||*赤||*0||*5||*RED2",  # the same option twice
        "色||*赤||*0||*5||*X$$色||*青||*0||*5||*X",  # one code twice
        "色||*赤||*0||*5||*RED$$サイズ||*M||*0||*5||*M",  # different option types
        "$$".join(f"色||*{n}||*0||*1||*C{n}" for n in range(21)),  # 21 values
        "色||*" + "赤" * 51 + "||*0||*5||*RED",  # a value over 50 characters
    ],
)
def test_what_the_template_does_not_allow_is_refused(text) -> None:
    with pytest.raises(CatalogError) as refused:
        options.parse_inventory(text)
    assert refused.value.field == "option_info"


def test_one_row_is_added_changed_and_removed_by_its_names_and_values() -> None:
    product = ProductFactory(options=options.parse_inventory(TWO_LEVELS))
    product.options = options.inventory_insert(
        product, "色||*サイズ", "青||*M", code="BLUE-M", price=0, qty=7
    )
    assert len(product.options) == 3
    product.options = options.inventory_change(
        product, "色||*サイズ", "赤||*L", code="RED-L", plus=-1
    )
    assert product.options[1]["qty"] == 0
    with pytest.raises(CatalogError) as below_zero:
        options.inventory_change(product, "色||*サイズ", "赤||*L", code="RED-L", plus=-1)
    assert below_zero.value.field == "option_qty"
    with pytest.raises(CatalogError) as wrong_code:
        options.inventory_delete(product, "色||*サイズ", "赤||*M", "RED-L")
    assert wrong_code.value.field == "option_code"
    product.options = options.inventory_delete(product, "色||*サイズ", "赤||*M", "RED-M")
    assert [r["code"] for r in product.options] == ["RED-L", "BLUE-M"]
    with pytest.raises(CatalogError) as missing:
        options.find_row(product, "色||*サイズ", "黒||*S")
    assert missing.value.code == "not_found"


def test_additional_and_text_options_and_their_images() -> None:
    product = ProductFactory(additional_option="包装||*ギフト包装||*200||*GIFT$$包装||*なし||*0")
    assert [r["code"] for r in options.parse_additional(product.additional_option)] == [
        "GIFT",
        "",
    ]
    assert options.parse_text_options("名入れ||*20$$メッセージ") == {"名入れ": 20, "メッセージ": 50}
    with pytest.raises(CatalogError):
        options.parse_text_options("a$$b$$c$$d")
    extra, matched = options.with_additional_images(
        product, "包装||*ギフト包装||*https://img.example.com/g.jpg$$包装||*箱||*https://x/y.jpg"
    )
    assert matched == 1
    assert (
        extra["image_additional_option_info"] == "包装||*ギフト包装||*https://img.example.com/g.jpg"
    )
    product.options = options.parse_inventory(ONE_LEVEL)
    rows, extra, matched = options.with_inventory_images(
        product, "色||*青||*https://img.example.com/b.jpg$$色||*黒||*https://x/k.jpg"
    )
    assert matched == 1
    assert [r["image"] for r in rows] == ["", "https://img.example.com/b.jpg"]
    assert extra["image_option_info"] == "色||*青||*https://img.example.com/b.jpg"
