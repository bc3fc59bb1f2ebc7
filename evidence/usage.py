"""Where each evidence item is used. Later apps (reviews, planning) register a provider that,
given item ids, returns {item id: [(label, url), ...]} in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

Provider = Callable[[list[int]], dict[int, list[tuple[str, str]]]]
_providers: list[Provider] = []


def register(provider: Provider) -> Provider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def usage_of(item_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for provider in _providers:
        for item_id, uses in provider(item_ids).items():
            found[item_id].extend(uses)
    return found
