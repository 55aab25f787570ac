"""CSCenter: customers' inquiries to the seller, and the seller's answers, by the
guide's names (``search_start_dt``, ``proc_status``; ``inq_type``, ``question_no``,
``seq_no``, ``contents``).

Where the guide is silent: the window bounds the inquiry's date (its latest message);
``contents`` is optional in the guide, and a call without it closes the inquiry as done
(S3) with no text (settled another way; the audit shows no text was sent); SEQ_NO in
the answer is the number the answer took.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sellergate.qapi.methods.order_rows import number, when
from sellergate.qapi.methods.windows import bounded, date_window
from sellergate.qapi.params import Param
from sellergate.qapi.registry import Call, method
from sellergate.sellers import actions, statuses
from sellergate.sellers.models import CustomerQuestion, InquiryType

WHEN = gettext_lazy("yyyyMMdd or yyyyMMddHHmmss, Japan time.")


def inquiry_row(question: CustomerQuestion) -> dict[str, Any]:
    return {
        "INQ_TYPE": question.inq_type,
        "SEQ_NO": question.seq_no,
        "QUESTION_NO": number(question.question_no),
        "INQ_DT": when(question.asked_at),
        "CUST_NM": question.customer_name,
        "CATE_NM": question.category_name,
        "CATE_CD": question.category_code,
        "TITLE": question.subject,
        "CONTENTS": question.body,
        "GD_NO": question.item_code,
        "GD_NM": question.item_title,
        "CONTR_NO": number(question.order_no) if question.order_no else 0,
        "CLAIM_YN": "Y" if question.about_claim else "N",
        "STATUS": statuses.inquiry_status(question),
        # Beyond the guide's fields: what was answered, for clients that show it.
        "ANSWER": question.answer,
        "ANSWER_DT": when(question.answered_at),
    }


@method(
    "CSCenter.GetInquiryMessage",
    params=(
        Param("search_start_dt", type="datetime", required=True, help=WHEN),
        Param("search_end_dt", type="datetime", required=True, help=WHEN),
        Param(
            "proc_status",
            type="choice",
            choices=tuple(statuses.INQUIRY),
            help=gettext_lazy("S1 not answered, S2 being handled, S3 answered; empty: all."),
        ),
    ),
    summary=gettext_lazy("Customers' inquiries to you within a date window."),
)
def get_inquiry_message(call: Call) -> list[dict[str, Any]]:
    questions: QuerySet[CustomerQuestion] = CustomerQuestion.objects.of(call.seller)
    if "proc_status" in call.params:
        questions = questions.filter(statuses.INQUIRY[call.params["proc_status"]])
    questions = date_window(
        questions, call.params, "asked_at", ("search_start_dt", "search_end_dt")
    )
    return [inquiry_row(q) for q in bounded(questions.order_by("asked_at", "pk"), _("inquiries"))]


@method(
    "CSCenter.SetInquiryMessage",
    writes=True,
    params=(
        Param(
            "inq_type",
            type="choice",
            required=True,
            choices=tuple(InquiryType.values),
            field="inq_type",
            help=gettext_lazy("INQ_TYPE from GetInquiryMessage: MSG, HELP or ITEM."),
        ),
        Param("question_no", required=True, max_length=30, field="question_no"),
        Param("seq_no", type="int", required=True, minimum=1, field="seq_no"),
        Param("contents", max_length=actions.MAX_ANSWER, field="answer"),
    ),
    summary=gettext_lazy("Answer an inquiry's latest message; it is no longer unanswered."),
)
def set_inquiry_message(call: Call) -> dict[str, Any]:
    assert call.seller is not None
    question = actions.question_answer(
        actor=call.actor,
        seller=call.seller,
        question_no=call.params["question_no"].strip(),
        answer=call.params.get("contents", ""),
        inq_type=call.params["inq_type"],
        seq_no=call.params["seq_no"],
        close_without_reply=True,
    )
    return {"SEQ_NO": question.answer_seq_no}
