"""Customers' inquiries to the seller (CSCenter), one record per inquiry thread.

``seq_no`` is the number of the customer's latest message in the thread, as the
marketplace numbers them; a follow-up comes in as the same question number with a
higher ``seq_no`` and opens the question again. The seller's answer takes the next
number (``answer_seq_no``).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sellergate.core.tenancy import SellerOwnedQuerySet
from sellergate.sellers import standing
from sellergate.sellers.models.orders import number_validator
from sellergate.sellers.models.seller import Seller


class InquiryType(models.TextChoices):
    MESSAGE = "MSG", _("Message from a buyer")
    HELP = "HELP", _("Help desk inquiry")
    ITEM = "ITEM", _("Question about an item")


class CustomerQuestionQuerySet(SellerOwnedQuerySet["CustomerQuestion"]):
    def unanswered(self) -> CustomerQuestionQuerySet:
        return self.filter(standing.unanswered_question_q())


class CustomerQuestion(models.Model):
    seller = models.ForeignKey(
        Seller, verbose_name=_("seller"), on_delete=models.PROTECT, related_name="questions"
    )
    question_no = models.CharField(
        _("question number"), max_length=30, validators=[number_validator]
    )
    inq_type = models.CharField(
        _("inquiry type"), max_length=4, choices=InquiryType.choices, default=InquiryType.MESSAGE
    )
    seq_no = models.PositiveIntegerField(_("message number"), default=1)
    customer_name = models.CharField(_("customer"), max_length=100, blank=True)
    category_code = models.CharField(_("inquiry category code"), max_length=20, blank=True)
    category_name = models.CharField(_("inquiry category"), max_length=100, blank=True)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    body = models.TextField(_("question"), blank=True)
    item_code = models.CharField(_("item code"), max_length=20, blank=True)
    item_title = models.CharField(_("item name"), max_length=200, blank=True)
    order_no = models.CharField(_("order number"), max_length=30, blank=True)
    about_claim = models.BooleanField(_("about a claim"), default=False)
    asked_at = models.DateTimeField(_("asked at"))
    handling_since = models.DateTimeField(
        _("being handled since"),
        null=True,
        blank=True,
        help_text=_("Set by the marketplace's help desk while it handles the inquiry."),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answer_seq_no = models.PositiveIntegerField(_("answer's message number"), null=True, blank=True)

    objects = CustomerQuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("customer question")
        verbose_name_plural = _("customer questions")
        ordering = ["-asked_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["seller", "question_no"], name="question_no_unique_per_seller"
            )
        ]

    def __str__(self) -> str:
        return self.question_no
