"""What later apps know about an outcome, shown beside its judgement in a review: survey
results now, priorities and actions later. A provider is registered in the later app's
AppConfig.ready(); this app never imports it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class OutcomeSignal:
    title: str
    lines: list[str] = field(default_factory=list)
    href: str = ""


Provider = Callable[[object, object], list[OutcomeSignal]]  # (review, outcome)
_providers: list[Provider] = []


def register(provider: Provider) -> Provider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def signals_for(review, outcome) -> list[OutcomeSignal]:
    return [signal for provider in _providers for signal in provider(review, outcome)]
