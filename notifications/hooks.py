"""What the notifications app adds to earlier apps (trust.hooks)."""

from __future__ import annotations

from trust import hooks

from .selectors import attention_items

hooks.register("attention_items", attention_items)
