"""What needs my attention: the partnership home page's list.

Later apps (reviews, surveys, actions, ...) register a provider for the "attention_items" hook
in their hooks.py (trust.hooks); this app never imports them. A provider takes the request and
returns `AttentionItem`s.
"""

from __future__ import annotations

from dataclasses import dataclass

from trust import hooks


@dataclass(frozen=True)
class AttentionItem:
    title: str
    href: str
    detail: str = ""
    overdue: bool = False
    dismiss_url: str = ""  # a POST here hides the item (notifications)


def attention_items(request) -> list[AttentionItem]:
    """Every provider's items for this person, overdue first."""
    items = [item for provider in hooks.get_hooks("attention_items") for item in provider(request)]
    return sorted(items, key=lambda i: not i.overdue)
