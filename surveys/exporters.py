"""Survey tables as rows for CSV and Excel (through `trust.tabular`), published values only:
hidden cells are "c". Individual responses carry profile answers only in a coarsened form
that at least the minimum group size share; comments carry no profile at all."""

from __future__ import annotations

import random
from collections import Counter

from .models import PROFILE_KEYS, Wave
from .results import (
    NOT_GIVEN,
    options,
    profile_questions,
    profile_results,
    statement_results,
)
from .selectors import QUESTION_FIELDS, asked_statements, code_counts, comments
from .statistics import HIDDEN, Shown, a6_text

OTHER = "Other or not given"
QUESTION_NAMES = {"truth": "How true", "change": "Change", "importance": "Importance"}
GROUP_NAMES = {
    "true": "True (completely or mostly)",
    "not_true": "Not true (mostly not or not at all)",
    "important": "Important (very or quite)",
    "unimportant": "Unimportant (quite or of no importance)",
}


def _count(shown: Shown):
    return HIDDEN if shown.hidden else shown.count


def _percent(shown: Shown):
    return "" if shown.percent is None else shown.whole


def statement_table(wave: Wave, *, include_dont_know: bool = True) -> tuple[list, list]:
    headers = ["Category", "Number", "Statement", "Question", "Answer", "Count", "Percent"]
    labels = options(wave)
    rows = []
    for r in statement_results(wave, include_dont_know=include_dont_know):
        s = r.statement
        for field in QUESTION_FIELDS:
            result = getattr(r, field)
            prefix = [s.category.name, s.number, s.text, QUESTION_NAMES[field]]
            rows.append([*prefix, "Number answering", _count(result.n), ""])
            for label, shown in zip(labels[field], result.options, strict=True):
                rows.append([*prefix, label, _count(shown), _percent(shown)])
            for name, shown in result.groups.items():
                rows.append([*prefix, GROUP_NAMES[name], _count(shown), _percent(shown)])
    return headers, rows


def profile_rows(wave: Wave) -> tuple[list, list]:
    table = profile_results(wave)
    headers = (
        [""]
        + [f"{label} (N={HIDDEN if n.hidden else n.count})" for label, n in table.columns]
        + [f"Overall (N={_count(table.overall)})"]
    )
    rows = []
    for section in table.sections:
        rows.append([section.title] + [""] * (len(headers) - 1))
        for row in section.rows:
            rows.append([row.label] + [a6_text(c) for c in row.cells] + [a6_text(row.overall)])
    return headers, rows


def coarsened_profiles(profiles: list[dict], minimum: int) -> tuple[list[str], list[dict]]:
    """Profile answers safe to export with individual responses: small groups merged into
    "Other or not given"; a question is left out whenever keeping it would leave any
    combination of exported answers shared by fewer than `minimum` respondents."""
    kept: list[str] = []
    rows = [{} for _ in profiles]
    for key in PROFILE_KEYS:
        counts = Counter(p[key] or "" for p in profiles)
        keep = {v for v, n in counts.items() if v and n >= minimum}
        # The merged group must be big enough too: fold the smallest kept answers into it.
        while keep and 0 < sum(n for v, n in counts.items() if v not in keep) < minimum:
            keep.remove(min(keep, key=lambda v: (counts[v], v)))
        values = [p[key] if p[key] in keep else OTHER for p in profiles]
        trial = [r | {key: v} for r, v in zip(rows, values, strict=True)]
        combos = Counter(tuple(sorted(t.items())) for t in trial)
        if all(n >= minimum for n in combos.values()):
            kept.append(key)
            rows = trial
    return kept, rows


def response_rows(wave: Wave) -> tuple[list, list]:
    statements = asked_statements(wave)
    labels = options(wave)
    responses = list(
        wave.responses.filter(submitted=True).prefetch_related("answers").order_by("pk")
    )
    profiles = [{k: getattr(r, k) for k in PROFILE_KEYS} for r in responses]
    kept, coarse = coarsened_profiles(profiles, wave.min_group_size)
    questions = {q["key"]: q["question"] for q in profile_questions(wave)}
    headers = [questions.get(k, k) for k in kept]
    for s in statements:
        headers += [f"s{s.number}_true", f"s{s.number}_change", f"s{s.number}_importance"]
    rows = []
    for response, profile in zip(responses, coarse, strict=True):
        answers = {a.statement_id: a for a in response.answers.all()}
        row = [profile[k] or NOT_GIVEN for k in kept]
        for s in statements:
            a = answers.get(s.pk)
            for field in QUESTION_FIELDS:
                value = getattr(a, field) if a else None
                row.append(labels[field][value - 1] if value else "")
        rows.append(row)
    # Row order must not follow anything (ids are random, but shuffle regardless).
    random.SystemRandom().shuffle(rows)
    return headers, rows


def comment_rows(wave: Wave) -> tuple[list, list]:
    headers = ["Category", "Comment", "Codes"]
    rows = [
        [c.category.name, c.text, "; ".join(code.name for code in c.codes.all())]
        for c in comments(wave)
    ]
    random.SystemRandom().shuffle(rows)
    rows.sort(key=lambda r: r[0])
    return headers, rows


def code_rows(wave: Wave) -> tuple[list, list]:
    return ["Group", "Code", "Comments"], [
        [code.get_group_display(), code.name, code.uses] for code in code_counts(wave)
    ]


TABLES = {
    "statements": statement_table,
    "profile": profile_rows,
    "responses": response_rows,
    "comments": comment_rows,
    "codes": code_rows,
}
