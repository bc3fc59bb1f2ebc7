"""What the national app adds to earlier apps (trust.hooks)."""

from __future__ import annotations

from trust import hooks

from .demo import demo_national

hooks.register("demo", demo_national)
