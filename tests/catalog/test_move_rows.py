"""A MOVE listing's text forms: what the guide's formats allow is read, and each thing
they do not allow is refused on the part it is about."""

from __future__ import annotations

import pytest

from sellergate.catalog import move_rows
from sellergate.catalog.errors import CatalogError

IMAGE = "https://img.example.com/a.jpg"


def colours(text: str = "黒||*BK||*Y$$白||*WH||*N") -> list[dict]:
    return move_rows.with_main_images(move_rows.parse_colours(text), f"黒||*{IMAGE}$$白||*{IMAGE}")


def test_colours_keep_their_order_parts_and_main_mark() -> None:
    read = move_rows.parse_colours("黒||*BK||*y||*M-1||*M$$白||*WH||*N")
    assert [(c["name"], c["colour_code"], c["main"]) for c in read] == [
        ("黒", "BK", True),
        ("白", "WH", False),
    ]
    assert read[0]["model_code"] == "M-1"
    assert read[0]["worn_size"] == "M"
    assert move_rows.colours_text(read) == "黒||*BK||*Y||*M-1||*M$$白||*WH||*N||*||*"


@pytest.mark.parametrize(
    "text",
    [
        "黒||*BK||*N$$白||*WH||*N",  # no main colour
        "黒||*BK||*Y$$白||*WH||*Y",  # two
        "黒||*BK||*Y$$黒||*BK||*N",  # a colour twice
        "黒||*BK",  # too few parts
        "黒||*BK||*maybe",
        "$$".join(f"c{n}||*C||*{'Y' if n == 0 else 'N'}" for n in range(21)),  # 21 colours
        "",
    ],
)
def test_colours_the_guide_does_not_allow_are_refused(text) -> None:
    with pytest.raises(CatalogError) as refused:
        move_rows.parse_colours(text)
    assert refused.value.field == move_rows.COLOURS


def test_every_colour_needs_its_main_image_and_only_its_own() -> None:
    read = move_rows.parse_colours("黒||*BK||*Y$$白||*WH||*N")
    for text in (
        f"黒||*{IMAGE}",
        f"黒||*{IMAGE}$$白||*{IMAGE}$$赤||*{IMAGE}",
        "黒||*ftp://x/a.jpg",
    ):
        with pytest.raises(CatalogError) as refused:
            move_rows.with_main_images(read, text)
        assert refused.value.field == move_rows.MAIN_IMAGES
    many = "||*".join([IMAGE] * 11)
    with pytest.raises(CatalogError):
        move_rows.with_sub_images(read, f"黒||*{many}")


def test_stock_rows_are_option_rows_of_colour_and_size() -> None:
    rows = move_rows.parse_stock(
        colours(), "黒||*S||*2||*BK-S$$黒||*M||*3||*BK-M$$白||*S||*0||*WH-S"
    )
    assert [(r["name1"], r["value1"], r["name2"], r["value2"], r["qty"]) for r in rows] == [
        ("カラー", "黒", "サイズ", "S", 2),
        ("カラー", "黒", "サイズ", "M", 3),
        ("カラー", "白", "サイズ", "S", 0),
    ]
    assert move_rows.stock_text(rows) == "黒||*S||*2||*BK-S$$黒||*M||*3||*BK-M$$白||*S||*0||*WH-S"
    without = move_rows.parse_stock(colours(), "黒||*2||*BK$$白||*1||*WH")
    assert [r["value2"] for r in without] == ["", ""]


@pytest.mark.parametrize(
    "text",
    [
        "黒||*S||*2||*A",  # 白 has no stock row
        "黒||*S||*2||*A$$白||*1||*B",  # with and without sizes
        "黒||*S||*2||*A$$白||*S||*x||*B",
        "黒||*S||*2||*A$$白||*S||*1000000||*B",
        "黒||*S||*2||*A$$黒||*S||*1||*B$$白||*S||*1||*C",  # a size twice
        "黒||*S||*2||*A$$赤||*S||*1||*B$$白||*S||*1||*C",  # not a colour of the listing
    ],
)
def test_stock_the_guide_does_not_allow_is_refused(text) -> None:
    with pytest.raises(CatalogError) as refused:
        move_rows.parse_stock(colours(), text)
    assert refused.value.field == move_rows.STOCK


def test_a_change_of_some_rows_keeps_the_others_and_adds_new_sizes() -> None:
    old = move_rows.parse_stock(colours(), "黒||*S||*2||*A$$白||*S||*1||*B")
    given = move_rows.parse_stock(colours(), "白||*S||*7||*B$$白||*M||*4||*C", every_colour=False)
    merged = move_rows.merge_stock(old, given)
    assert [(r["value1"], r["value2"], r["qty"]) for r in merged] == [
        ("黒", "S", 2),
        ("白", "S", 7),
        ("白", "M", 4),
    ]


def test_codes_seasons_and_tables() -> None:
    assert move_rows.parse_codes("move.styles", "STY0001$$STY0002", most=2) == [
        "STY0001",
        "STY0002",
    ]
    for text in ("STY0001$$STY0002$$STY0003", "STY 1", "STY1$$STY1"):
        with pytest.raises(CatalogError):
            move_rows.parse_codes("move.styles", text, most=2)
    assert move_rows.parse_seasons("1$$4") == ["1", "4"]
    with pytest.raises(CatalogError):
        move_rows.parse_seasons("5")
    assert move_rows.parse_size_table("S||*SZ1||*60") == [["S", "SZ1", "60"]]
    with pytest.raises(CatalogError):
        move_rows.parse_size_table("S||*60")
    assert move_rows.parse_attributes("G1||*A1||*A2") == [["G1", "A1", "A2"]]
    with pytest.raises(CatalogError):
        move_rows.parse_attributes("G1")
