"""A wave's published results: the selectors' counts through `statistics` (and so through
small-group protection). They are cached under a key holding the wave's version (its minimum
group size) and a state token that `results_changed` renews whenever the wave's responses or
statements change, so a cached read costs two cache lookups and no query of the answers."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from uuid import uuid4

from django.core.cache import cache
from django.db import transaction

from . import selectors
from .groups import (
    Plan,
    group_minimum,
    merge_groups,
    merged_note,
    plan_breakdowns,
)
from .models import PROFILE_KEYS, Wave, WaveStatement
from .statistics import (
    CHANGE_GROUPS,
    IMPORTANCE_GROUPS,
    TRUTH_GROUPS,
    BreakdownResult,
    ProfileTable,
    QuestionResult,
    breakdown,
    profile_table,
    question_result,
)


@dataclass(frozen=True)
class Category:
    pk: int
    number: int
    name: str


@dataclass(frozen=True)
class Asked:
    """A statement as its results show it (plain data, so that caching it is cheap)."""

    pk: int
    number: int
    text: str
    category: Category
    source_number: int | None  # the report's number; None for a local statement


QUESTIONS = {"truth": TRUTH_GROUPS, "change": CHANGE_GROUPS, "importance": IMPORTANCE_GROUPS}


@dataclass
class StatementResult:
    statement: Asked
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
    """Every asked statement's three questions, published. The cache (per wave state) holds
    plain numbers and text, which are quick to store; the arithmetic is redone on each read."""
    key = _key(wave, "statements")
    cached = cache.get(key)
    sizes = {k: len(v) for k, v in options(wave).items()}
    if cached is None:
        counts = selectors.answer_counts(wave, sizes)
        cached = [
            (row, {f: counts[f].get(row[0], {}) for f in QUESTIONS})
            for row in selectors.asked_statement_rows(wave)
        ]
        cache.set(key, cached, 60 * 60 * 24)
    categories: dict[int, Category] = {}
    results = []
    for (pk, number, text, category_pk, category_number, category_name, source), by in cached:
        category = categories.setdefault(
            category_pk, Category(category_pk, category_number, category_name)
        )
        results.append(
            StatementResult(
                Asked(pk, number, text, category, source),
                **{
                    f: question_result(
                        [by[f].get(i, 0) for i in range(1, sizes[f] + 1)],
                        groups=group,
                        minimum=wave.min_group_size,
                        include_dont_know=include_dont_know,
                    )
                    for f, group in QUESTIONS.items()
                },
            )
        )
    return results


def _labels(wave: Wave) -> dict[str, dict[str, str]]:
    # The report's own short answers (position codes such as "IS", bands such as "> 4 years").
    return {q["key"]: {o["code"]: o["code"] for o in q["options"]} for q in profile_questions(wave)}


def plan(wave: Wave, *, chosen: list[str] | None = None) -> Plan:
    """Which groups this wave may describe and which breakdowns it offers (cached); `chosen`
    asks what a different choice of breakdown questions would offer."""
    chosen = wave.breakdown_questions if chosen is None else chosen
    key = _key(wave, "plan", ",".join(chosen))
    found = cache.get(key)
    if found is None:
        questions = profile_questions(wave)
        found = plan_breakdowns(
            selectors.profile_combinations(wave),
            keys=PROFILE_KEYS,
            labels=_labels(wave),
            names={q["key"]: q["question"] for q in questions},
            chosen=[k for k in PROFILE_KEYS if k in chosen],
            minimum=wave.min_group_size,
        )
        cache.set(key, found, 60 * 60 * 24)
    return found


def breakdown_results(
    wave: Wave, attribute: str, statements: list[WaveStatement]
) -> list[tuple[WaveStatement, BreakdownResult]]:
    """How true each statement is, by the groups of one profile question the plan offers."""
    if attribute not in PROFILE_KEYS:
        raise ValueError(attribute)
    chosen = plan(wave)
    if attribute not in chosen.offered:
        raise ValueError(f"{attribute} is not offered for this wave")
    key = _key(wave, "breakdown", attribute, ",".join(str(s.pk) for s in statements))
    computed = cache.get(key)
    if computed is None:
        groups = chosen.groups[attribute]
        counts = selectors.breakdown_counts(wave, attribute)
        size = len(wave.edition.survey["true_options"])
        computed = {}
        for s in statements:
            per_answer = {
                answer: [by_option.get(i, 0) for i in range(1, size + 1)]
                for answer, by_option in counts.get(s.pk, {}).items()
            }
            computed[s.pk] = breakdown(
                per_answer,
                groups=groups,
                minimum=group_minimum(wave.min_group_size),
                labels=_labels(wave)[attribute],
            )
        cache.set(key, computed, 60 * 60 * 24)
    return [(s, computed[s.pk]) for s in statements]


def profile_counts(combinations: dict[tuple[str, ...], int]) -> dict:
    """counts[question][(position, answer)] for Table A6, from the counts by every profile
    answer (`selectors.profile_combinations`)."""
    result: dict[str, dict[tuple[str, str], int]] = defaultdict(lambda: defaultdict(int))
    for combination, n in combinations.items():
        for i, key in enumerate(PROFILE_KEYS[1:], start=1):
            result[key][(combination[0], combination[i])] += n
    return result


def profile_results(wave: Wave) -> ProfileTable:
    """Table A6 for this wave."""
    key = _key(wave, "profile")
    table = cache.get(key)
    if table is None:
        questions = profile_questions(wave)
        columns = plan(wave).columns
        table = profile_table(
            profile_counts(selectors.profile_combinations(wave)),
            columns=columns,
            sections=[
                (q["key"], q["question"], [(o["code"], o["label"]) for o in q["options"]])
                for q in questions[1:]
            ],
            minimum=wave.min_group_size,
            note=merged_note(columns, _labels(wave)["position"]),
        )
        cache.set(key, table, 60 * 60 * 24)
    return table


@dataclass
class Rate:
    agency: str
    invited: int
    answered: int | None  # None while the wave is open


def response_rates(wave: Wave) -> list[Rate]:
    """Invited and answered per agency. Answered counts only once the wave has closed (live
    counts would let a manager time who finished when), and agencies with fewer answers than
    a breakdown group needs merged, as in a breakdown."""
    rows = selectors.invitation_rates(wave)
    names = {r["agency__name"] or "": r["agency__name"] or "No agency given" for r in rows}
    invited = {r["agency__name"] or "": r["invited"] for r in rows}
    if not wave.is_closed:
        return [Rate(names[k], invited[k], None) for k in names]
    answered = {r["agency__name"] or "": r["answered"] for r in rows}
    groups = merge_groups(
        {k: v for k, v in answered.items() if v}, names, group_minimum(wave.min_group_size)
    )
    rates = [
        Rate(
            "Other agencies (combined)" if g.merged else names[g.code],
            sum(invited[m] for m in g.members),
            g.size,
        )
        for g in groups
    ]
    if not groups and any(answered.values()):
        rates.append(Rate("All agencies", sum(invited.values()), sum(answered.values())))
    rates += [Rate(names[k], invited[k], 0) for k, v in answered.items() if not v]
    return rates


STRONG_CONFIDENCE = 80
LESS_SUCCESSFUL = 50


def ranked(results: list[StatementResult], question: str, group: str) -> tuple[list, list]:
    """Every published statement, highest share of `group` first, and then the withheld ones
    (fewer than the minimum answered `question`), so that none silently drops out."""
    shown = [r for r in results if not getattr(r, question).withheld]
    shown.sort(key=lambda r: -(getattr(r, question).groups[group].percent or 0))
    return shown, [r for r in results if getattr(r, question).withheld]


def bands(results: list[StatementResult]) -> tuple[list, list]:
    """The report's headline bands: strong confidence (more than 80% "true") and less
    successful (less than 50% "true"), each most true first. Withheld statements are in
    neither."""
    shown, _ = ranked(results, "truth", "true")
    strong = [r for r in shown if (r.truth.groups["true"].percent or 0) > STRONG_CONFIDENCE]
    weak = [r for r in shown if (r.truth.groups["true"].percent or 0) < LESS_SUCCESSFUL]
    return strong, weak


def comparable(results: list[StatementResult]) -> dict:
    """Results keyed so that waves can be compared: the report's number, or a local text."""
    return {(r.statement.source_number or r.statement.text): r for r in results}
