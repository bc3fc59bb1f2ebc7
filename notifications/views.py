"""Dismissing a notification (POST)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from . import services
from .models import Notification


def dismiss(request: HttpRequest, partnership: str, notification_id: int) -> HttpResponse:
    notification = get_object_or_404(Notification, pk=notification_id)
    # Someone else's notification is left alone (the service checks), with the same answer.
    services.notification_dismiss(notification=notification, actor=request.user)
    # Back to the page it was dismissed from: a fixed choice, never an address from the form.
    if request.POST.get("back") == "partnerships":
        return redirect("partnerships:chooser")
    return redirect("partnerships:home", partnership=partnership)
