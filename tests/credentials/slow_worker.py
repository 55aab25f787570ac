"""Run by test_processes: the real worker, made to stall inside FTP provisioning right
after the first folder is created, so the test can kill it there."""

import pathlib
import time

import django

_mkdir = pathlib.Path.mkdir


def stalling_mkdir(self: pathlib.Path, *args: object, **kwargs: object) -> None:
    _mkdir(self, *args, **kwargs)
    if self.name == "item":
        print("stalled after item/", flush=True)
        time.sleep(120)


pathlib.Path.mkdir = stalling_mkdir  # type: ignore[method-assign]
django.setup()

from django.core.management import call_command  # noqa: E402

call_command("worker", "--no-startup-delay", "--interval", "0.1", "--no-schedule")
