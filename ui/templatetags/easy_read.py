"""Easy read: one sentence a line."""

from __future__ import annotations

import re

from django import template

register = template.Library()

# A sentence ends at . ! or ? followed by a space and a capital letter or a quotation mark.
_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"'])")


@register.filter
def sentences(text: str) -> list[str]:
    """`text` as its sentences, so each can stand on its own line."""
    return [s for s in _END.split(" ".join((text or "").split())) if s]
