"""Django's admin as an operator console that writes only through service functions.

The admin's forms validate input and show errors; saving is handed to a service
function (one transaction, one audit event), never to ``Model.save`` directly.
Deleting records is not offered where the domain has no such transition.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.forms import ModelForm
from django.http import HttpRequest

from sellergate.core.actors import Actor


class ServiceModelAdmin(admin.ModelAdmin):
    def save_via_service(
        self, *, actor: Actor, obj: Any, form: ModelForm, change: bool
    ) -> models.Model:
        raise NotImplementedError

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        saved = self.save_via_service(
            actor=Actor.from_request(request), obj=obj, form=form, change=change
        )
        # The admin goes on with ``obj`` (messages, redirect, its own log entry).
        obj.pk = saved.pk

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyModelAdmin(admin.ModelAdmin):
    """Records that only services write (the audit log, FTP address scores): shown, never
    added, edited or deleted from the console."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
