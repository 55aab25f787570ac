"""CSCenter: customers' questions to the seller, and the seller's answers.

Parameters (sellergate's choice, the marketplace documents none publicly):
GetInquiryMessage ``Status`` 1 unanswered / 2 answered / empty all, ``search_Sdate``,
``search_Edate`` (the question's date); SetInquiryMessage ``InquiryNo`` (the question
number), ``Answer``.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy

from sellergate.qapi.methods.shipping import date_window
from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call, method
from sellergate.sellers import actions
from sellergate.sellers.models import CustomerQuestion

STATES = {"1": Q(answered_at__isnull=True), "2": Q(answered_at__isnull=False)}


def inquiry_info(question: CustomerQuestion) -> dict[str, Any]:
    return {
        "InquiryNo": question.question_no,
        "Subject": question.subject,
        "Contents": question.body,
        "ItemCode": question.item_code,
        "OrderNo": question.order_no,
        "InquiryDate": question.asked_at,
        "Answered": "Y" if question.answered_at else "N",
        "Answer": question.answer,
        "AnswerDate": question.answered_at,
    }


@method(
    "CSCenter.GetInquiryMessage",
    params=(
        Param(
            "Status",
            type="choice",
            choices=tuple(STATES),
            help=gettext_lazy("1 unanswered, 2 answered, empty all."),
        ),
        Param("search_Sdate", type="datetime"),
        Param("search_Edate", type="datetime"),
    ),
    summary=gettext_lazy("Customers' questions to you."),
)
def get_inquiry_message(call: Call) -> list[dict[str, Any]]:
    questions: QuerySet[CustomerQuestion] = CustomerQuestion.objects.of(call.seller)
    if "Status" in call.params:
        questions = questions.filter(STATES[call.params["Status"]])
    questions = date_window(questions, call.params, "asked_at").order_by("asked_at")
    return [inquiry_info(q) for q in questions[:1000]]


@method(
    "CSCenter.SetInquiryMessage",
    writes=True,
    params=(
        Param("InquiryNo", required=True, max_length=30, field="question_no"),
        Param("Answer", required=True, max_length=actions.MAX_ANSWER, field="answer"),
    ),
    summary=gettext_lazy("Answer a customer's question; it is no longer unanswered."),
)
def set_inquiry_message(call: Call) -> dict[str, Any]:
    assert call.seller is not None
    question = actions.question_answer(
        actor=call.actor,
        seller=call.seller,
        question_no=call.params["InquiryNo"],
        answer=call.params["Answer"],
    )
    return {"InquiryNo": question.question_no, "AnswerDate": question.answered_at}
