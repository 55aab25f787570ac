"""`sellergate load_standing`: CSV files in, all or nothing, errors that say where."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from sellergate.audit.models import AuditEvent
from sellergate.sellers.eligibility import evaluate_eligibility
from sellergate.sellers.models import Claim, Order, Seller

pytestmark = pytest.mark.django_db

SELLERS = """login_id,shop_name,contact_email,main_category,review_status,service_points
shop-a,さくら雑貨店,a@example.com,生活雑貨,approved,12
shop-b,みなと家電,b@example.com,家電,pending,-3
"""


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def load(kind: str, path: Path) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("load_standing", kind, str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_sellers_then_orders_load_and_drive_eligibility(tmp_path) -> None:
    out, _ = load("sellers", write(tmp_path, "sellers.csv", SELLERS))
    assert "2 sellers rows loaded" in out
    orders = (
        "seller,order_no,ordered_at,ship_by,shipped_at\n"
        "shop-a,1001,2026-11-01 10:00,2026-11-03,\n"
        "shop-a,1002,2026-11-01 10:00,2026-11-03,2026-11-02 15:00\n"
    )
    load("orders", write(tmp_path, "orders.csv", orders))
    result = evaluate_eligibility(Seller.objects.get(login_id="shop-a"))
    assert [c.code for c in result.failed] == ["late_shipments"]
    assert result.failed[0].records == ("1001",)
    # Naive times in the file are Japan time.
    assert Order.objects.get(order_no="1001").ordered_at.isoformat() == "2026-11-01T01:00:00+00:00"


def test_loading_the_same_file_twice_changes_nothing(tmp_path) -> None:
    path = write(tmp_path, "sellers.csv", SELLERS)
    load("sellers", path)
    events = AuditEvent.objects.count()
    load("sellers", path)
    assert Seller.objects.count() == 2
    assert AuditEvent.objects.count() == events


def test_a_shift_jis_file_with_a_bom_free_header_loads(tmp_path) -> None:
    load("sellers", write(tmp_path, "sellers.csv", SELLERS, encoding="cp932"))
    assert Seller.objects.get(login_id="shop-b").shop_name == "みなと家電"


def test_a_utf8_file_with_bom_loads(tmp_path) -> None:
    load("sellers", write(tmp_path, "sellers.csv", SELLERS, encoding="utf-8-sig"))
    assert Seller.objects.count() == 2


def test_bad_rows_are_all_reported_and_nothing_is_loaded(tmp_path) -> None:
    text = SELLERS + "shop-c,C,not-an-email,x,approved,1\nx,D,d@example.com,x,finished,many\n"
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was loaded"):
        call_command("load_standing", "sellers", str(write(tmp_path, "s.csv", text)), stderr=err)
    # line 4: the e-mail; line 5: the login ID, the status and the number
    assert len(err.getvalue().splitlines()) == 4
    assert not Seller.objects.exists()
    assert not AuditEvent.objects.exists()


def test_error_lines_name_file_line_column_and_value(tmp_path) -> None:
    text = SELLERS + "shop-c,C,not-an-email,x,approved,1\n"
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("load_standing", "sellers", str(write(tmp_path, "s.csv", text)), stderr=err)
    assert "s.csv line 4, column contact_email (value 'not-an-email'): " in err.getvalue()


def test_orders_for_an_unknown_seller_are_refused(tmp_path) -> None:
    orders = "seller,order_no,ordered_at,ship_by\nnobody,1,2026-11-01 10:00,2026-11-03\n"
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("load_standing", "orders", str(write(tmp_path, "o.csv", orders)), stderr=err)
    # The column and value, and the reason in the UI language (Japanese by default).
    assert "o.csv line 2, column seller (value 'nobody'): " in err.getvalue()
    with translation.override("en"):
        err = StringIO()
        with pytest.raises(CommandError):
            call_command("load_standing", "orders", str(tmp_path / "o.csv"), stderr=err)
    assert "no seller with login ID 'nobody'; load the sellers first" in err.getvalue()
    assert not Order.objects.exists()


def test_a_wrong_header_names_the_missing_and_unknown_columns(tmp_path) -> None:
    err = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "load_standing",
            "orders",
            str(write(tmp_path, "o.csv", "seller,order,ship_by\n")),
            stderr=err,
        )
    assert "missing required columns: order_no, ordered_at" in err.getvalue()
    assert "unknown columns: order" in err.getvalue()


def test_binary_junk_is_refused(tmp_path) -> None:
    path = tmp_path / "junk.csv"
    path.write_bytes(bytes(range(128, 256)) * 4)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("load_standing", "sellers", str(path), stderr=err)
    assert "neither UTF-8 nor Shift_JIS" in err.getvalue()


def test_a_missing_file_is_refused(tmp_path) -> None:
    with pytest.raises(CommandError, match="no such file"):
        load("sellers", tmp_path / "absent.csv")


def test_the_feeds_columns_load_from_csv_too(tmp_path) -> None:
    load("sellers", write(tmp_path, "sellers.csv", SELLERS))
    orders = (
        "seller,order_no,pack_no,ordered_at,paid_at,ship_by,buyer_name,receiver_address2,"
        "option_text,price,quantity,discount,shipping_rate,shipping_rate_type,currency\n"
        "shop-a,1001,1001,2026-11-01 10:00,2026-11-01 10:01,2026-11-03,山田 花子,101号室,"
        "色:藍,1800,2,200,700,Free on condition,\n"
    )
    load("orders", write(tmp_path, "orders.csv", orders))
    order = Order.objects.get()
    assert (order.buyer_name, order.option_text, order.total) == ("山田 花子", "色:藍", 3400)
    assert (order.shipping_rate_type, order.currency) == ("Free on condition", "JPY")  # default
    claims = (
        "seller,claim_no,order_no,kind,opened_at,non_receipt_scope,non_receipt_wish\n"
        "shop-a,C1,1001,non_receipt,2026-11-05 10:00,SL,ND\n"
        "shop-a,C2,1001,lost,2026-11-05 10:00,XX,\n"
    )
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("load_standing", "claims", str(write(tmp_path, "c.csv", claims)), stderr=err)
    assert "c.csv line 3, column kind (value 'lost')" in err.getvalue()
    assert "c.csv line 3, column non_receipt_scope (value 'XX')" in err.getvalue()
    assert "line 2" not in err.getvalue()
    assert not Claim.objects.exists()  # all or nothing
