"""What needs my attention: the partnership home page's list.

Later apps (reviews, surveys, actions, ...) register a provider in their AppConfig.ready();
this app never imports them. A provider takes the request and returns `AttentionItem`s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class AttentionItem:
    title: str
    href: str
    detail: str = ""
    overdue: bool = False
    dismiss_url: str = ""  # a POST here hides the item (notifications)


Provider = Callable[[object], list[AttentionItem]]
_providers: list[Provider] = []


def register(provider: Provider) -> Provider:
    """Add a provider of attention items (usable as a decorator)."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def attention_items(request) -> list[AttentionItem]:
    """Every provider's items for this person, overdue first."""
    items = [item for provider in _providers for item in provider(request)]
    return sorted(items, key=lambda i: not i.overdue)
