"""Survey tables as rows for CSV and Excel (through `trust.tabular`), published values only:
a withheld question says so, hidden cells of Table A6 are "c". Individual responses carry only
the profile questions the wave offers breakdowns by, in the same merged groups (so every
combination is shared by at least the minimum); comments carry no profile at all."""

from __future__ import annotations

import random

from .adequacy import adequacy_answers
from .groups import NOT_GIVEN, group_of
from .models import ResourceAnswer, Wave
from .results import (
    options,
    plan,
    profile_questions,
    profile_results,
    statement_results,
)
from .selectors import QUESTION_FIELDS, asked_statements, code_counts, comments
from .statistics import HIDDEN, Shown, a6_text

QUESTION_NAMES = {"truth": "How true", "change": "Change", "importance": "Importance"}
GROUP_NAMES = {
    "true": "True (completely or mostly)",
    "not_true": "Not true (mostly not or not at all)",
    "very_important": "Very important",
    "very_or_quite_important": "Very or quite important",
    "deteriorated": "Deteriorated",
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
            if result.withheld:
                withheld = f"Not shown: fewer than {wave.min_group_size} answered"
                rows.append([*prefix, withheld, "", ""])
                continue
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
    if table.note:
        rows.append([table.note] + [""] * (len(headers) - 1))
    return headers, rows


def response_rows(wave: Wave) -> tuple[list, list]:
    statements = asked_statements(wave)
    labels = options(wave)
    chosen = plan(wave)
    groups = {k: chosen.groups[k] for k in chosen.offered}
    coded = {k: group_of(g) for k, g in groups.items()}
    label = {k: {g.code: g.label for g in gs} for k, gs in groups.items()}
    responses = list(
        wave.responses.filter(submitted=True)
        .select_related("resources")
        .prefetch_related("answers")
        .order_by("pk")
    )
    questions = {q["key"]: q["question"] for q in profile_questions(wave)}
    headers = [questions.get(k, k) for k in groups]
    for s in statements:
        headers += [f"s{s.number}_true", f"s{s.number}_change", f"s{s.number}_importance"]
    # Yes or no on resources; never what else is needed (free text carries no profile).
    asked = [name for name, _ in ResourceAnswer.QUESTIONS] if wave.asks_resources else []
    headers += [f"resources_{name}" for name in asked]
    rows = []
    for response in responses:
        answers = {a.statement_id: a for a in response.answers.all()}
        row = [label[k][coded[k][getattr(response, k) or NOT_GIVEN]] for k in groups]
        for s in statements:
            a = answers.get(s.pk)
            for field in QUESTION_FIELDS:
                value = getattr(a, field) if a else None
                row.append(labels[field][value - 1] if value else "")
        given = getattr(response, "resources", None)
        row += [getattr(given, name).capitalize() if given else "" for name in asked]
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


def resource_rows(wave: Wave) -> tuple[list, list]:
    """Table A11 as respondents answered it: published values only, as on the results page."""
    found = adequacy_answers(wave)
    headers = ["Question", "Yes", "Yes (%)", "No", "No (%)"]
    if found is None:
        return headers, []
    rows = [
        [row.question, row.yes, row.share(row.yes), row.no, row.share(row.no)]
        if row.shown
        else [row.question, f"Not shown: fewer than {found.minimum} answered", "", "", ""]
        for row in found.rows
    ]
    rows += [["What other resources are needed", text, "", "", ""] for text in found.needed]
    return headers, rows


TABLES = {
    "statements": statement_table,
    "profile": profile_rows,
    "responses": response_rows,
    "comments": comment_rows,
    "codes": code_rows,
    "resources": resource_rows,
}
