"""Reminders sent by `manage.py send_reminders` (run daily). Later apps register a function in
their AppConfig.ready() that notifies whoever needs reminding and returns how many it told;
`notify()`'s key makes each reminder go once."""

from __future__ import annotations

from collections.abc import Callable

Reminder = Callable[[], int]
_reminders: list[Reminder] = []


def register(reminder: Reminder) -> Reminder:
    if reminder not in _reminders:
        _reminders.append(reminder)
    return reminder


def send_all() -> int:
    return sum(reminder() for reminder in _reminders)
