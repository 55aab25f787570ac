"""What every page of both faces gives keyboard and screen-reader users: a skip link to
the content first, and a label for each field (not a placeholder standing in for one)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.factories import OperatorFactory, SellerUserFactory, access_request, granted_seller

pytestmark = pytest.mark.django_db


class Fields(HTMLParser):
    """Inputs (not hidden, not buttons) and whether each has a label: around it, or
    one whose ``for`` names its id."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.labelled_ids: set[str] = set()
        self.inputs: list[tuple[str, bool, str]] = []  # name, inside a label, id
        self.first_link: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and self.first_link is None:
            self.first_link = found.get("href")
        if tag == "label":
            self.depth += 1
            if found.get("for"):
                self.labelled_ids.add(found["for"] or "")
        if tag in {"input", "textarea", "select"} and found.get("type") not in {
            "hidden",
            "submit",
            "button",
        }:
            self.inputs.append((found.get("name") or "", self.depth > 0, found.get("id") or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.depth -= 1

    def unlabelled(self) -> list[str]:
        return [n for n, inside, i in self.inputs if not inside and i not in self.labelled_ids]


def _read(page: str) -> Fields:
    fields = Fields()
    fields.feed(page)
    return fields


def test_the_seller_centers_pages_skip_to_the_content_and_label_every_field(client) -> None:
    client.force_login(SellerUserFactory(seller=granted_seller()))
    for name in ("portal:home", "portal:bulk", "portal:products", "portal:api_keys"):
        fields = _read(client.get(reverse(name)).content.decode())
        assert fields.first_link == "#content", name
        assert fields.unlabelled() == [], name


def test_the_desks_pages_label_their_reason_fields(client) -> None:
    seller = granted_seller(login_id="shop-labels")
    client.force_login(OperatorFactory())
    for url in (
        reverse("desk:request_queue"),
        reverse("desk:seller_list"),
        reverse("desk:seller_detail", args=[seller.login_id]),
        reverse("desk:closures"),
    ):
        fields = _read(client.get(url).content.decode())
        assert fields.first_link == "#content", url
        assert fields.unlabelled() == [], url


def _current(page: str) -> list[str]:
    nav = page.split('<nav class="topnav">', 1)[1].split("</nav>", 1)[0]
    return [
        chunk.split('"', 1)[0]
        for chunk in nav.split('<a href="')[1:]
        if 'aria-current="page"' in chunk.split(">", 1)[0]
    ]


def test_the_top_bar_marks_the_section_a_page_is_in(client) -> None:
    client.force_login(SellerUserFactory(seller=granted_seller()))
    assert _current(client.get(reverse("portal:home")).content.decode()) == [reverse("portal:home")]
    for name in ("portal:products", "portal:bulk", "portal:categories"):
        page = client.get(reverse(name)).content.decode()
        assert _current(page) == [reverse("portal:bulk")], name
    page = client.get(reverse("portal:questions")).content.decode()
    assert _current(page) == [reverse("portal:orders")]
    client.force_login(OperatorFactory())
    page = client.get(reverse("desk:closures")).content.decode()
    assert _current(page) == [reverse("desk:closures")]
    page = client.get(reverse("desk:seller_list")).content.decode()
    assert _current(page) == [reverse("desk:seller_list")]


def test_page_titles_say_what_the_page_is(client) -> None:
    user = SellerUserFactory()
    filed = access_request(user.seller, user=user)
    client.force_login(user)
    page = client.get(reverse("portal:request_detail", args=[filed.pk])).content.decode()
    assert f"<title>申請 #{filed.pk}（API key）" in page
    client.force_login(OperatorFactory(is_superuser=True))
    records = client.get("/desk/admin/").content.decode()
    assert "Django" not in records.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "sellergate オペレーターデスク" in records
