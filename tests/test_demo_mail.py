"""The demo's mail: a line each on the console, the whole message in a file."""

from __future__ import annotations

from django.core.mail import EmailMessage

from sellergate.demo_mail import DemoEmailBackend


def test_each_mail_is_one_line_on_the_console_and_whole_in_a_file(tmp_path, capsys) -> None:
    backend = DemoEmailBackend(file_path=str(tmp_path))
    sent = backend.send_messages(
        [
            EmailMessage("申請 #1 を受け付けました", "本文" * 500, to=["shop@example.com"]),
            EmailMessage("新しい申請 #1", "本文", to=["desk@example.com"]),
        ]
    )
    assert sent == 2
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("mail to shop@example.com: 申請 #1 を受け付けました")
    [written] = list(tmp_path.iterdir())
    assert str(written) in lines[0]
    assert written.stat().st_size > 1500  # the whole message, encoded
