"""`make run`'s printed instructions follow the port it serves on and say where emails go."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(
    MACS_BASE_URL="http://127.0.0.1:8123",
    EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
    EMAIL_FILE_PATH="sent-emails-test",
)
def test_sign_in_instructions_follow_the_port_and_name_the_email_folder(demo):
    out = io.StringIO()
    call_command("demo_signins", stdout=out)
    text = out.getvalue()
    assert "MACS is running at http://127.0.0.1:8123/" in text
    assert "Emails it sends are saved as files in sent-emails-test/" in text
    assert "manager@northshire.example" in text


def test_the_base_address_follows_the_port(monkeypatch):
    import importlib

    import macs.settings.base as base

    monkeypatch.setenv("PORT", "8123")
    monkeypatch.delenv("MACS_BASE_URL", raising=False)
    assert importlib.reload(base).MACS_BASE_URL == "http://127.0.0.1:8123"
    monkeypatch.delenv("PORT")
    assert importlib.reload(base).MACS_BASE_URL == "http://127.0.0.1:8000"
