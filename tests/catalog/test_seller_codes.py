"""A seller item code has one form (NFKC, case kept): the forms a person cannot tell
apart are one code in the API, in files, and under the database's constraint; existing
codes are moved to that form, and a code that would then collide is left and named."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from sellergate.bulk import processing
from sellergate.catalog import selectors, seller_codes, services
from sellergate.catalog.errors import CatalogError
from sellergate.catalog.models import Product
from sellergate.core.actors import Actor
from tests.bulk.files import write
from tests.bulk.test_processing import job_for, result_rows
from tests.factories import CategoryFactory, ProductFactory, SellerFactory

pytestmark = pytest.mark.django_db

ACTOR = Actor.system("test")
WIDE = "\uff24\uff35\uff30\uff0d\uff14"  # DUP-4 in full-width letters, hyphen and digit
NARROW_KANA = "\uff71\uff72\uff73"  # アイウ in half-width katakana


def test_the_one_form_is_nfkc_with_case_kept() -> None:
    assert seller_codes.normal(WIDE) == "DUP-4"
    assert seller_codes.normal(f" {NARROW_KANA} ") == "アイウ"
    assert seller_codes.normal("dup-4") == "dup-4"


def test_the_catalog_stores_and_finds_a_code_in_its_one_form() -> None:
    category = CategoryFactory()
    seller = SellerFactory()
    values = {"title": "マグ", "category": category.code, "price": 100}
    product = services.product_create(
        actor=ACTOR, seller=seller, values={**values, "seller_code": WIDE}
    )
    assert product.seller_code == "DUP-4"
    assert selectors.product_get(seller, seller_code=WIDE).pk == product.pk
    assert selectors.product_get(seller, seller_code="DUP-4").pk == product.pk
    with pytest.raises(CatalogError) as refused:
        services.product_create(
            actor=ACTOR, seller=seller, values={**values, "seller_code": "DUP-4"}
        )
    assert refused.value.code == "duplicate"
    other_case = services.product_create(
        actor=ACTOR, seller=seller, values={**values, "seller_code": "dup-4"}
    )
    assert other_case.pk != product.pk


def test_a_file_names_one_item_by_either_form(tmp_path) -> None:
    seller = SellerFactory()
    category = CategoryFactory()
    existing = ProductFactory(seller=seller, category=category, seller_code="DUP-4", price=100)
    rows = [
        {"seller_unique_item_id": WIDE, "price_yen": 150},  # modifies DUP-4
        {"seller_unique_item_id": "DUP-4", "price_yen": 160},  # the same item again
        {
            "seller_unique_item_id": NARROW_KANA,
            "category_number": category.code,
            "item_name": "新しい商品",
            "price_yen": 900,
            "quantity": 1,
        },
    ]
    job = processing.process(job_for(seller, write(tmp_path / "codes.csv", rows)).pk)
    existing.refresh_from_db()
    assert existing.price == 150
    assert Product.objects.of(seller).filter(seller_code="アイウ").exists()
    problems = [line for line in result_rows(job) if line.get("row") == "3"]
    assert problems, result_rows(job)
    assert {line["column"] for line in problems} == {"seller_unique_item_id"}


def test_existing_codes_move_to_their_one_form_unless_another_item_has_it(capsys) -> None:
    seller = SellerFactory()
    category = CategoryFactory()
    moved = ProductFactory(seller=seller, category=category, seller_code=NARROW_KANA)
    kept = ProductFactory(seller=seller, category=category, seller_code=WIDE)
    ProductFactory(seller=seller, category=category, seller_code="DUP-4")
    migration = importlib.import_module(
        "sellergate.catalog.migrations.0009_seller_codes_in_one_form"
    )
    left = migration.normalise(apps, None)
    moved.refresh_from_db()
    kept.refresh_from_db()
    assert moved.seller_code == "アイウ"
    assert kept.seller_code == WIDE
    assert left == [(kept.pk, WIDE)]
    assert f"product {kept.pk}" in capsys.readouterr().out
