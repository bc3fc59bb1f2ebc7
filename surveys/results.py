"""A wave's published results: the selectors' counts through `statistics` (and so through
small-group protection). Results of a closed wave change only when responses are imported or
the minimum group size changes, so they are cached under a key holding both."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache

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


def _key(wave: Wave, kind: str, *parts) -> str:
    submitted = selectors.response_counts(wave)["sent"]
    return ":".join(
        str(p) for p in ("survey", kind, wave.link_token, wave.min_group_size, submitted, *parts)
    )


def statement_results(wave: Wave, *, include_dont_know: bool = True) -> list[StatementResult]:
    """Every asked statement's three questions, published (cached per wave state)."""
    statements = selectors.asked_statements(wave)
    asked = ",".join(str(s.pk) for s in statements)
    key = _key(wave, "statements", include_dont_know, asked)
    computed = cache.get(key)
    if computed is None:
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
        cache.set(key, computed, 60 * 60 * 24)
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
