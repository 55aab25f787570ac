"""What makes a purpose of use clear enough (利用目的が明確であること).

The desk judges; the form only refuses what is certainly not a purpose: empty text,
placeholder words such as 「テスト」 alone, or a line too short to say what is done
with which system.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MIN_PURPOSE_LENGTH = 15

#: Words that say nothing on their own, compared after normalisation.
PLACEHOLDERS = frozenset(
    {
        "テスト",
        "てすと",
        "test",
        "testing",
        "なし",
        "無し",
        "特になし",
        "未定",
        "不明",
        "api",
        "ftp",
        "利用",
        "使用",
        "連携",
        "連動",
        "商品登録",
        "あり",
        "xxx",
        "tbd",
        "n/a",
    }
)

PURPOSE_HELP = _(
    "Describe what you will do with the access, with which system, and why: for example "
    "「自社の在庫管理システムと連動し、全商品の在庫数と価格を1時間ごとに自動更新するため」."
)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip().lower()
    # NFKC has already turned full-width punctuation into its ASCII form.
    return re.sub(r"[\s。、.,!?・「」()]+", "", text)


def validate_purpose(value: str) -> None:
    normalised = _normalise(value)
    if not normalised:
        raise ValidationError(_("Enter the purpose of use."), code="required")
    if normalised in PLACEHOLDERS or len(set(normalised)) <= 2:
        raise ValidationError(
            _("「%(value)s」 is not a purpose of use. %(help)s"),
            code="placeholder",
            params={"value": value.strip()[:30], "help": PURPOSE_HELP},
        )
    if len(normalised) < MIN_PURPOSE_LENGTH:
        raise ValidationError(
            _(
                "The purpose of use is too short to be clear (at least %(min)d characters). "
                "%(help)s"
            ),
            code="too_short",
            params={"min": MIN_PURPOSE_LENGTH, "help": PURPOSE_HELP},
        )


def validate_integrator(value: str, field: Any = None) -> None:
    """``field``: the name the form gives the field (the API key form's 「API連動会社名」,
    the FTP application's 「連動クライアント（会社）名」), so the message says what the
    person sees."""
    field = field or _("API integration company")
    normalised = _normalise(value)
    if not normalised:
        raise ValidationError(
            _("Enter the %(field)s, or 「自社開発」 for your own development."),
            code="required",
            params={"field": field},
        )
    if normalised in PLACEHOLDERS:
        raise ValidationError(
            _(
                "「%(value)s」 is not a company name. Enter the %(field)s, or 「自社開発」 for "
                "your own development."
            ),
            code="placeholder",
            params={"value": value.strip()[:30], "field": field},
        )
