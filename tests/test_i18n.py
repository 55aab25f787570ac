"""Japanese first: the catalog is complete and the language is the person's choice."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po

from sellergate.i18n import LOCALE_DIR, compile_catalogs


def _untranslated(po: Path) -> list[str]:
    with po.open("rb") as handle:
        catalog = read_po(handle)
    problems = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or message.fuzzy:
            problems.append(message.id if isinstance(message.id, str) else message.id[0])
    return problems


def test_every_message_has_a_japanese_translation() -> None:
    assert _untranslated(LOCALE_DIR / "ja" / "LC_MESSAGES" / "django.po") == []


def test_catalogs_compile_to_mo_files(tmp_path) -> None:
    target = tmp_path / "locale" / "ja" / "LC_MESSAGES"
    target.mkdir(parents=True)
    source = LOCALE_DIR / "ja" / "LC_MESSAGES" / "django.po"
    (target / "django.po").write_bytes(source.read_bytes())
    from django.utils import translation
    from django.utils.translation import trans_real

    with translation.override("ja"):
        translation.gettext("Seller")  # the process has read its catalogs
    assert trans_real._translations
    assert compile_catalogs(tmp_path / "locale") == [target / "django.mo"]
    assert trans_real._translations == {}  # and drops them when new ones are compiled
    assert (target / "django.mo").stat().st_size > 1000
    assert compile_catalogs(tmp_path / "locale") == []  # up to date: nothing to do
