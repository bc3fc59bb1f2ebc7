"""Whose words are whose. The report's text appears in MACS exactly as written; a few things
are the platform's own additions, and every page, Word file and PDF that shows one says so,
in the words below (one place, so they never drift apart)."""

from __future__ import annotations

RATING_SCALE = "rating_scale"
STATEMENT_OUTCOMES = "statement_outcomes"
PRINCIPLE_LABELS = "principle_labels"
PLANNING_PROMPTS = "planning_prompts"

PLATFORM_WORDS = {
    RATING_SCALE: (
        "The rating levels are the MACS platform's, not the report's: the report sets out the "
        "indicators but gives no scale to rate them on."
    ),
    STATEMENT_OUTCOMES: (
        "Which outcomes each survey statement speaks to is the MACS platform's suggestion, not "
        "the report's. A partnership can change it for its own survey."
    ),
    PRINCIPLE_LABELS: (
        "The principles' short names, such as “Shared responsibility”, are the MACS "
        "platform's; the report states each principle in full."
    ),
    PLANNING_PROMPTS: (
        "These prompts were written for MACS from the report's description of this step; the "
        "report does not list them."
    ),
}


def platform_words(key: str) -> str:
    """The sentence that marks `key` as the platform's (KeyError for an unknown key)."""
    return PLATFORM_WORDS[key]
