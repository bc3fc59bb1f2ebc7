"""Where each evidence item is used. Later apps (reviews, planning) register a provider for the
"evidence_usage" hook that, given item ids, returns {item id: [(label, url), ...]} in a fixed
number of queries."""

from __future__ import annotations

from collections import defaultdict

from trust import hooks


def usage_of(item_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for provider in hooks.get_hooks("evidence_usage"):
        for item_id, uses in provider(item_ids).items():
            found[item_id].extend(uses)
    return found
