"""One registry for every place where a later app adds to an earlier one (after Wagtail's
`wagtail.hooks`). An app puts its contributions in its own `hooks.py`:

    from trust import hooks

    @hooks.register("attention_items")
    def overdue_actions(request): ...

and the earlier app reads them with `hooks.get_hooks("attention_items")`, never importing
the later app. Every app's `hooks.py` is imported once, when the apps are ready (the trust
app's `ready`), so nothing is wired by hand in `AppConfig.ready()` bodies.

A hook name must be one of `HOOKS` (a misspelt name would otherwise be silently unused).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from django.utils.module_loading import autodiscover_modules

# Each hook: who reads it, and what a registered function takes and returns.
HOOKS: dict[str, str] = {
    "attention_items": "partnerships.attention: (request) -> list[AttentionItem], the home "
    "page's 'needs your attention'",
    "personal_data": "accounts.personal_data: (user) -> {section: JSON-ready data}, for "
    "'download your data'",
    "email_code_rule": "accounts.two_factor: (user) -> bool, may this account use emailed "
    "sign-in codes (any registered rule saying yes is enough)",
    "outcome_signals": "reviews.outcome_signals: (review, outcome) -> list[OutcomeSignal], "
    "shown beside an outcome's judgement",
    "reminders": "notifications.reminders: () -> int, the daily reminders; returns how many "
    "people were told",
    "evidence_usage": "evidence.usage: (item ids) -> {item id: [(label, url)]}, where each "
    "evidence item is used",
    "audit_tracking": "audit.apps: () -> list[Tracked], the models whose changes the audit "
    "trail records",
    "signable_kinds": "signoff.services: () -> SignableKind, how a model's records are frozen, "
    "summarised and shown for the joint sign-off",
    "purge_due": "files purge_expired (daily): (now) -> {what: how many}, deleting what has "
    "passed its time",
    "partnership_menu": "macs.context_processors: () -> list[ui.navigation.MenuItem], the "
    "partnership's menu (each entry shown only to people who may use it)",
}

_hooks: dict[str, list[tuple[int, Callable]]] = defaultdict(list)


def register(hook_name: str, fn: Callable | None = None, *, order: int = 0):
    """Register `fn` for `hook_name` (usable as `@register(name)` or `register(name, fn)`).
    Lower `order` runs first; registering the same function twice keeps one."""
    if hook_name not in HOOKS:
        raise ValueError(f"No hook called {hook_name!r}; the hooks are: {', '.join(HOOKS)}.")

    def decorator(function: Callable) -> Callable:
        entries = _hooks[hook_name]
        if all(existing is not function for _, existing in entries):
            entries.append((order, function))
            entries.sort(key=lambda entry: entry[0])
        return function

    return decorator(fn) if fn is not None else decorator


def get_hooks(hook_name: str) -> list[Callable]:
    """The functions registered for `hook_name`, in order."""
    if hook_name not in HOOKS:
        raise ValueError(f"No hook called {hook_name!r}.")
    return [function for _, function in _hooks[hook_name]]


def discover() -> None:
    """Import every installed app's `hooks.py` (once; Python keeps imported modules)."""
    autodiscover_modules("hooks")
