"""What later apps know about an outcome, shown beside its judgement in a review: survey
results now, priorities and actions later. A provider is registered for the
"outcome_signals" hook in the later app's hooks.py; this app never imports it."""

from __future__ import annotations

from dataclasses import dataclass, field

from trust import hooks


@dataclass(frozen=True)
class OutcomeSignal:
    title: str
    lines: list[str] = field(default_factory=list)
    href: str = ""


def signals_for(review, outcome) -> list[OutcomeSignal]:
    return [
        signal
        for provider in hooks.get_hooks("outcome_signals")
        for signal in provider(review, outcome)
    ]
