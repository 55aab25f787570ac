"""Whole files refused before anything is applied, in sellergate's own words with the
place and the fix: an encoding that changes part-way, a damaged workbook, broken CSV,
the other template in this folder."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.utils import translation

from sellergate.bulk import processing
from sellergate.bulk.columns import ITEM_COLUMNS, PRICE_QTY_COLUMNS
from sellergate.bulk.models import JobStatus
from sellergate.bulk.reader import FileRejected, open_sheet
from sellergate.catalog.models import Product
from tests.bulk.test_processing import job_for
from tests.factories import CategoryFactory, SellerFactory

pytestmark = pytest.mark.django_db

HEADER = "seller_unique_item_id,category_number,item_name,price_yen,quantity\r\n"


def refusal(path, columns=ITEM_COLUMNS) -> str:
    with pytest.raises(FileRejected) as raised:
        list(open_sheet(path, columns, required=()).rows)
    with translation.override("en"):
        return raised.value.text()


def lines(category, names: list[str]) -> str:
    return "".join(f"SKU-{n},{category},{name},1980,1\r\n" for n, name in enumerate(names))


def test_a_shift_jis_file_that_turns_utf8_late_is_refused_at_its_line(tmp_path) -> None:
    seller, category = SellerFactory(), CategoryFactory()
    first = (HEADER + lines(category.code, ["和風マグカップ 藍"] * 6000)).encode("cp932")
    assert len(first) > 200_000
    rest = lines(category.code, ["和風マグカップ 白"] * 3000).replace("SKU-", "U-").encode()
    path = tmp_path / "mixed.csv"
    path.write_bytes(first + rest)
    text = refusal(path)
    assert "line 6002" in text
    assert "from Shift_JIS (CP932) to UTF-8" in text
    job = processing.process(job_for(seller, path).pk)
    assert job.status == JobStatus.FAILED
    assert not Product.objects.exists()


def test_a_utf8_file_that_turns_shift_jis_names_its_line_not_a_byte(tmp_path) -> None:
    category = CategoryFactory()
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        (HEADER + lines(category.code, ["茶碗"] * 500)).encode()
        + lines(category.code, ["茶碗"]).encode("cp932")
    )
    assert "line 502" in refusal(path)


def _zip_of_a_csv() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("items.csv", HEADER)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "content", [b"PK\x03\x04 not really a workbook", _zip_of_a_csv()], ids=["cut", "zip"]
)
def test_library_errors_become_our_own_sentences(tmp_path, content) -> None:
    path = tmp_path / "f.xlsx"
    path.write_bytes(content)
    text = refusal(path)
    assert "save it again" in text.lower()
    for library in ("zip file", "openpyxl", "Error", "[Content_Types]", "KeyError"):
        assert library not in text


def test_the_other_template_in_this_folder_is_named(tmp_path) -> None:
    stock = tmp_path / "stock.csv"
    stock.write_text("item_number,edit_type,Price,quantity\r\n1,g,100,1\r\n", encoding="utf-8")
    assert "price and stock file (FTP folder inventory/)" in refusal(stock)
    items = tmp_path / "items.csv"
    items.write_text(HEADER + "A,1,マグ,100,1\r\n", encoding="utf-8")
    assert "item file (FTP folder item/)" in refusal(items, PRICE_QTY_COLUMNS)


@pytest.mark.parametrize(
    "header",
    [
        "SellerCode,SecondSubCat,ItemSeriesName,OptionType,OptionQty,StyleNumber,TpoNumber",
        "seller_unique_item_id,category_number,option_type,option_main_image,season_type",
    ],
)
def test_a_move_listing_file_is_refused_saying_where_move_listings_go(tmp_path, header) -> None:
    path = tmp_path / "move.csv"
    path.write_text(header + "\r\nA,1,2,3,4,5,6\r\n", encoding="utf-8")
    text = refusal(path)
    assert "MOVE (fashion) listing file" in text
    assert "SetNewMoveGoods" in text


def test_a_header_refusal_is_in_one_language_throughout(tmp_path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("item_number,item_nmae,price_yen\n,マグ,100\n", encoding="utf-8")
    with pytest.raises(FileRejected) as raised:
        open_sheet(path, ITEM_COLUMNS, required=("seller_unique_item_id",))
    with translation.override("en"):
        english = raised.value.text()
    with translation.override("ja"):
        japanese = raised.value.text()
    assert "unknown columns: 'item_nmae'" in english
    assert "missing columns: seller_unique_item_id" in english
    assert not any("\u3040" <= char <= "\u30ff" for char in english)  # no kana in English
    assert "'item_nmae'" in japanese
    assert "unknown columns" not in japanese
