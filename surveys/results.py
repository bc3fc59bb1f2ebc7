"""A wave's published results: the selectors' counts through `statistics` (and so through
small-group protection). They are cached under a key holding the wave's version (its minimum
group size) and a state token that `results_changed` renews whenever the wave's responses or
statements change, so a cached read costs two cache lookups and no query of the answers."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import uuid4

from django.core.cache import cache
from django.db import transaction

from . import selectors
from .models import PROFILE_KEYS, Wave, WaveStatement
from .statistics import (
    IMPORTANCE_GROUPS,
    TRUTH_GROUPS,
    BreakdownResult,
    ProfileTable,
    QuestionResult,
    breakdown,
    profile_table,
    question_result,
)

NOT_GIVEN = "Not given"


@dataclass
class StatementResult:
    statement: WaveStatement
    truth: QuestionResult
    change: QuestionResult
    importance: QuestionResult


def options(wave: Wave) -> dict[str, list[str]]:
    survey = wave.edition.survey
    return {
        "truth": [o[0].upper() + o[1:] for o in survey["true_options"]],
        "change": [o[0].upper() + o[1:] for o in survey["change_options"]],
        "importance": [o[0].upper() + o[1:] for o in survey["importance_options"]],
    }


def profile_questions(wave: Wave) -> list[dict]:
    return wave.edition.survey.get("profile", [])


def _state_key(wave: Wave) -> str:
    # The link token, not the primary key: SQLite may give a deleted wave's number to a new one.
    return f"survey:state:{wave.link_token}"


def results_changed(wave: Wave) -> None:
    """Call from every write that changes a wave's responses or statements: once it commits,
    every cached result of the wave is out of date."""
    key = _state_key(wave)
    # After the commit, so that nobody reading in between caches the old answers under the new
    # token; a reader who raced the write stored them under the old one, which is now unused.
    transaction.on_commit(lambda: cache.set(key, uuid4().hex, None))


def _key(wave: Wave, kind: str, *parts) -> str:
    state = cache.get(_state_key(wave))
    if state is None:
        # First read (or the token was evicted): a new token can only miss, never go stale.
        state = uuid4().hex
        if not cache.add(_state_key(wave), state, None):
            state = cache.get(_state_key(wave), state)
    return ":".join(
        str(p)
        for p in ("survey", kind, wave.link_token, wave.version, wave.min_group_size, state, *parts)
    )


def statement_results(wave: Wave, *, include_dont_know: bool = True) -> list[StatementResult]:
    """Every asked statement's three questions, published (cached per wave state)."""
    key = _key(wave, "statements", include_dont_know)
    cached = cache.get(key)
    if cached is None:
        statements = selectors.asked_statements(wave)
        counts = selectors.answer_counts(wave)
        sizes = {k: len(v) for k, v in options(wave).items()}
        groups = {"truth": TRUTH_GROUPS, "change": {}, "importance": IMPORTANCE_GROUPS}
        computed = {
            s.pk: {
                field: question_result(
                    [counts[field].get(s.pk, {}).get(i, 0) for i in range(1, sizes[field] + 1)],
                    groups=groups[field],
                    minimum=wave.min_group_size,
                    include_dont_know=include_dont_know,
                )
                for field in ("truth", "change", "importance")
            }
            for s in statements
        }
        cached = (statements, computed)
        cache.set(key, cached, 60 * 60 * 24)
    statements, computed = cached
    return [StatementResult(s, **computed[s.pk]) for s in statements]


def breakdown_results(
    wave: Wave, attribute: str, statements: list[WaveStatement]
) -> list[tuple[WaveStatement, BreakdownResult]]:
    """How true each statement is, by the groups of one profile question."""
    if attribute not in PROFILE_KEYS:
        raise ValueError(attribute)
    key = _key(wave, "breakdown", attribute, ",".join(str(s.pk) for s in statements))
    computed = cache.get(key)
    if computed is None:
        question = next(p for p in profile_questions(wave) if p["key"] == attribute)
        labels = {o["code"]: o["code"] for o in question["options"]} | {"": NOT_GIVEN}
        counts = selectors.breakdown_counts(wave, attribute)
        size = len(wave.edition.survey["true_options"])
        computed = {}
        for s in statements:
            per_group = {
                group: [by_option.get(i, 0) for i in range(1, size + 1)]
                for group, by_option in counts.get(s.pk, {}).items()
            }
            computed[s.pk] = breakdown(per_group, labels=labels, minimum=wave.min_group_size)
        cache.set(key, computed, 60 * 60 * 24)
    return [(s, computed[s.pk]) for s in statements]


def profile_results(wave: Wave) -> ProfileTable:
    """Table A6 for this wave."""
    key = _key(wave, "profile")
    table = cache.get(key)
    if table is None:
        questions = profile_questions(wave)
        counts = selectors.profile_counts(wave)
        positions = [(o["code"], o["code"]) for o in questions[0]["options"]]
        if any(group == "" for section in counts.values() for group, _ in section):
            positions.append(("", NOT_GIVEN))
        sections = [
            (q["key"], q["question"], [(o["code"], o["label"]) for o in q["options"]])
            for q in questions[1:]
        ]
        table = profile_table(
            counts, groups=positions, sections=sections, minimum=wave.min_group_size
        )
        cache.set(key, table, 60 * 60 * 24)
    return table


def comparable(results: list[StatementResult]) -> dict:
    """Results keyed so that waves can be compared: the report's number, or a local text."""
    return {
        (r.statement.source.number if r.statement.source else r.statement.text): r for r in results
    }
