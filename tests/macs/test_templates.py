"""The Content-Security-Policy forbids inline scripts, so no template may contain one."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)


def test_templates_have_no_inline_scripts_or_event_handlers():
    roots = [Path(settings.BASE_DIR) / app for app in settings.MACS_APPS] + [
        Path(settings.BASE_DIR) / "templates"
    ]
    offenders = []
    for root in roots:
        for path in root.rglob("*.html"):
            text = path.read_text()
            if SCRIPT.search(text) or HANDLER.search(text):
                offenders.append(str(path))
    assert offenders == []
