"""Reminders sent by `manage.py send_reminders` (run daily). Later apps register a function for
the "reminders" hook in their hooks.py that notifies whoever needs reminding and returns how
many it told; `notify()`'s key makes each reminder go once."""

from __future__ import annotations

from trust import hooks


def send_all() -> int:
    return sum(reminder() for reminder in hooks.get_hooks("reminders"))
