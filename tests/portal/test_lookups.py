"""The category list and the brand search the result files point sellers to."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sellergate.catalog.models import Brand, Category
from tests.factories import BrandFactory, CategoryFactory, SellerUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seller_client(client):
    client.force_login(SellerUserFactory())
    return client


def test_the_category_list_shows_leaves_with_their_parents_and_filters(seller_client) -> None:
    mugs = CategoryFactory(name="マグカップ")
    lamps = CategoryFactory(name="テーブルランプ", name_en="Table lamps")
    Category.objects.filter(pk=lamps.parent.parent.pk).update(fashion=True)  # below: fashion
    page = seller_client.get(reverse("portal:categories")).content.decode()
    assert f'data-category="{mugs.code}"' in page
    assert f'data-category="{mugs.parent.code}"' not in page  # items go in leaves only
    assert mugs.parent.name in page
    found = seller_client.get(reverse("portal:categories"), {"q": "table lamps"}).content.decode()
    assert f'data-category="{lamps.code}"' in found
    assert f'data-category="{mugs.code}"' not in found
    assert "スタイル・TPOコードが必要" in found
    by_code = seller_client.get(reverse("portal:categories"), {"q": mugs.code}).content.decode()
    assert f'data-category="{mugs.code}"' in by_code


def test_brands_are_searched_by_either_name(seller_client) -> None:
    BrandFactory(number="5001", name="波佐見焼 工房つばめ")
    Brand.objects.create(number="5002", name="ルーメン", name_en="Lumen Works")
    assert 'data-brand="' not in seller_client.get(reverse("portal:brands")).content.decode()
    page = seller_client.get(reverse("portal:brands"), {"q": "lumen"}).content.decode()
    assert 'data-brand="5002"' in page
    assert 'data-brand="5001"' not in page
    page = seller_client.get(reverse("portal:brands"), {"q": "つばめ"}).content.decode()
    assert 'data-brand="5001"' in page


def test_the_bulk_page_links_to_both(seller_client) -> None:
    page = seller_client.get(reverse("portal:bulk")).content.decode()
    assert f'href="{reverse("portal:categories")}"' in page
    assert f'href="{reverse("portal:brands")}"' in page
