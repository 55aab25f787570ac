"""E-mails on receipt, question and decision, in the recipient's language, after commit."""

from __future__ import annotations

import datetime as dt
from email.header import decode_header, make_header
from zoneinfo import ZoneInfo

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from django.core import mail

from sellergate.access import services
from sellergate.core.actors import Actor
from tests.factories import OperatorFactory, SellerFactory, SellerUserFactory, access_request
from tests.processes import free_port

pytestmark = pytest.mark.django_db

JST = ZoneInfo("Asia/Tokyo")
MONDAY = dt.datetime(2026, 11, 30, 10, 0, tzinfo=JST)


def test_receipt_goes_to_the_seller_with_the_due_date_and_to_the_operators(
    django_capture_on_commit_callbacks,
) -> None:
    OperatorFactory(email="desk-ja@example.com")
    OperatorFactory(email="desk-en@example.com", language="en")
    user = SellerUserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        filed = access_request(
            user.seller,
            user=user,
            contact_email="shop@example.com",
            now=dt.datetime(2026, 11, 28, 9, 0, tzinfo=JST),
        )
    by_recipient = {tuple(message.to): message for message in mail.outbox}
    assert set(by_recipient) == {
        ("shop@example.com",),
        ("desk-ja@example.com",),
        ("desk-en@example.com",),
    }
    seller_mail = by_recipient[("shop@example.com",)]
    assert f"申請 #{filed.pk} を受け付けました" in seller_mail.subject
    assert "2026-11-30" in seller_mail.body  # Saturday's request is due on Monday
    assert f"/seller/requests/{filed.pk}/" in seller_mail.body
    assert "New request" in by_recipient[("desk-en@example.com",)].subject
    assert "新しい申請" in by_recipient[("desk-ja@example.com",)].subject


def test_the_seller_gets_mails_in_the_language_of_the_user_who_filed(
    django_capture_on_commit_callbacks,
) -> None:
    user = SellerUserFactory(language="en")
    with django_capture_on_commit_callbacks(execute=True):
        access_request(user.seller, user=user)
    assert mail.outbox[0].subject.startswith("[sellergate] Request #")
    assert "will be handled by" in mail.outbox[0].body


def test_question_and_decision_mails(django_capture_on_commit_callbacks) -> None:
    filed = access_request(SellerFactory(), contact_email="shop@example.com")
    desk = Actor.system("desk")
    with django_capture_on_commit_callbacks(execute=True):
        services.request_ask(actor=desk, request=filed, message="連動会社の担当者を教えてください")
    assert "連動会社の担当者を教えてください" in mail.outbox[-1].body
    services.request_answer(actor=desk, request=filed, message="山田です")
    with django_capture_on_commit_callbacks(execute=True):
        services.request_reject(actor=desk, request=filed, reason="利用目的が不明確です")
    assert "承認されませんでした" in mail.outbox[-1].subject
    assert "利用目的が不明確です" in mail.outbox[-1].body


def test_nothing_is_sent_when_the_change_is_rolled_back(django_capture_on_commit_callbacks) -> None:
    filed = access_request(SellerFactory())
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(services.RequestStateError),
    ):
        services.request_answer(
            actor=Actor.system("x"), request=filed, message="まだ質問されていない"
        )
    assert callbacks == []
    assert mail.outbox == []


class Collect(Message):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list = []

    def handle_message(self, message) -> None:
        self.messages.append(message)


def test_a_real_smtp_server_receives_the_decision(
    settings, django_capture_on_commit_callbacks
) -> None:
    handler = Collect()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings.MAILERS = {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 10},
            }
        }
        filed = access_request(SellerFactory(), contact_email="shop@example.com")
        with django_capture_on_commit_callbacks(execute=True):
            services.request_approve(actor=Actor.system("desk"), request=filed, now=MONDAY)
    finally:
        controller.stop()
    assert len(handler.messages) == 1
    received = handler.messages[0]
    assert received["To"] == "shop@example.com"
    subject = str(make_header(decode_header(received["Subject"])))
    assert subject.endswith(f"申請 #{filed.pk} が承認されました")


@pytest.mark.parametrize(("hour", "said"), [(16, False), (17, True)])
def test_a_request_after_the_cut_off_is_told_it_counts_from_the_next_business_day(
    django_capture_on_commit_callbacks, hour, said
) -> None:
    user = SellerUserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        filed = access_request(
            user.seller,
            user=user,
            contact_email="shop@example.com",
            now=dt.datetime(2026, 11, 30, hour, 30, tzinfo=JST),
        )
    body = next(m for m in mail.outbox if m.to == ["shop@example.com"]).body
    assert ("17:00" in body) is said
    assert filed.due_on == (dt.date(2026, 12, 1) if said else dt.date(2026, 11, 30))
    assert filed.due_on.isoformat() in body


def test_the_desk_is_told_when_a_seller_answers_its_question(
    django_capture_on_commit_callbacks,
) -> None:
    OperatorFactory(email="desk-ja@example.com")
    OperatorFactory(email="desk-en@example.com", language="en")
    filed = access_request(SellerFactory(login_id="shop-answers"))
    desk = Actor.system("desk")
    services.request_ask(actor=desk, request=filed, message="連動会社の担当者を教えてください")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.request_answer(actor=desk, request=filed, message="  担当は山田です  ")
    by_recipient = {tuple(message.to): message for message in mail.outbox}
    assert set(by_recipient) == {("desk-ja@example.com",), ("desk-en@example.com",)}
    english = by_recipient[("desk-en@example.com",)]
    assert f"Request #{filed.pk}: shop-answers answered" in english.subject
    assert "担当は山田です" in english.body
    assert f"/desk/requests/{filed.pk}/" in english.body
    assert "回答" in by_recipient[("desk-ja@example.com",)].subject
