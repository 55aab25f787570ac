"""The ``sellergate`` command's own part: a domain's refusal ends it with status 2."""

from __future__ import annotations

import pytest

from sellergate import cli
from sellergate.businessdays.calendar import CalendarError


def test_a_refusal_no_command_handled_is_its_message_and_status_2(monkeypatch, capsys) -> None:
    import django.core.management

    def refuse(argv: list[str]) -> None:
        raise CalendarError("2101-01-01 is outside the years the holiday calendar covers.")

    monkeypatch.setattr(django.core.management, "execute_from_command_line", refuse)
    with pytest.raises(SystemExit) as ended:
        cli.main(["sellergate", "check"])
    assert ended.value.code == cli.REFUSED == 2
    assert capsys.readouterr().err == (
        "2101-01-01 is outside the years the holiday calendar covers.\n"
    )


def test_anything_else_is_not_taken_for_a_refusal(monkeypatch) -> None:
    import django.core.management

    def crash(argv: list[str]) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(django.core.management, "execute_from_command_line", crash)
    with pytest.raises(RuntimeError):
        cli.main(["sellergate", "check"])
