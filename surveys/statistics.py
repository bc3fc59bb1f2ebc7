"""Survey statistics as the report computes them (section 1.1.1 and Appendix II). No database
here: selectors count in SQL and hand the counts over.

Small groups of people are protected by the size of the group a figure describes: a question
answered by at least the minimum is published in full (below it, withheld whole); a breakdown
shows only groups big enough (merged by `groups`), each in full; Table A6 publishes every
one-way count and hides the fewest inner cells (`suppression`).

Conventions (the report's, as defaults):
* percentages are of everyone who answered that question, "don't know" included; a switch
  leaves "don't know" out of the base;
* "true" is completely + mostly true, "not true" is mostly not + not at all true;
* in text, percentages are whole numbers (halves round up); the profile table (Table A6)
  prints counts with a percentage of the group's N to one decimal and a Missing row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .groups import Group, merge_further, merged_note
from .suppression import protect_crossed

HIDDEN = "c"
MISSING = ""

# Positions (1-based) in the edition's option lists; the last option is "don't know".
TRUTH_GROUPS = {"true": (1, 2), "not_true": (4, 5)}
# "Very important" is the report's measure (section 1.1); "very or quite" stands beside it.
IMPORTANCE_GROUPS = {
    "very_important": (1,),
    "very_or_quite_important": (1, 2),
    "unimportant": (3, 4),
}
CHANGE_GROUPS = {"deteriorated": (3,)}
# The coarse answers of a breakdown table.
TRUTH_BANDS = (
    ("True", (1, 2)),
    ("Sometimes true", (3,)),
    ("Not true", (4, 5)),
    ("Don't know", (6,)),
)


def percent(part: int, base: int) -> float | None:
    return None if not base else 100 * part / base


def whole(value: float) -> int:
    """A percentage in text: a whole number, halves rounded up (not to even)."""
    return int(Decimal(str(value)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def one_decimal(value: float) -> str:
    """A percentage as Table A6 prints it: 8.8%, and 0% for none."""
    if value == 0:
        return "0%"
    return f"{Decimal(str(value)).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


@dataclass(frozen=True)
class Shown:
    """One published count and its percentage; both None when hidden (shown as "c")."""

    count: int | None
    percent: float | None = None

    @property
    def hidden(self) -> bool:
        return self.count is None

    @property
    def whole(self) -> int | None:
        return None if self.percent is None else whole(self.percent)


@dataclass
class QuestionResult:
    """One statement's answers to one question: published in full, or withheld whole when
    fewer than the minimum answered it."""

    n: Shown
    options: list[Shown]
    groups: dict[str, Shown]
    base: int | None  # the percentage base, None when withheld
    withheld: bool = False
    answered: int = 0  # how many answered (kept for a withheld question's reason, not shown)


def question_result(
    counts: Sequence[int],
    *,
    groups: Mapping[str, Sequence[int]],
    minimum: int,
    include_dont_know: bool = True,
) -> QuestionResult:
    """Counts of each option (in the edition's order, "don't know" last) to published values.
    A count of answers across all respondents identifies nobody, so nothing inside is hidden;
    a question fewer than `minimum` answered is withheld whole."""
    n = sum(counts)
    if n < minimum:
        return QuestionResult(
            n=Shown(None),
            options=[Shown(None) for _ in counts],
            groups={k: Shown(None) for k in groups},
            base=None,
            withheld=True,
            answered=n,
        )
    base = n if include_dont_know else n - counts[-1]
    last = len(counts) - 1

    def shown(value: int, *, dont_know: bool = False) -> Shown:
        if dont_know and not include_dont_know:
            return Shown(value)
        return Shown(value, percent(value, base))

    return QuestionResult(
        n=Shown(n),
        options=[shown(v, dont_know=i == last) for i, v in enumerate(counts)],
        groups={k: shown(sum(counts[i - 1] for i in v)) for k, v in groups.items()},
        base=base,
        answered=n,
    )


def gaps(important: Mapping, true: Mapping) -> list[tuple[object, int]]:
    """Statements rated important but not true: important % minus true %, largest first, as
    the difference of the whole percentages shown beside it (so 63% and 53% is 10, never 9).
    Only statements with both percentages published take part."""
    rows = [
        (key, important[key].whole - true[key].whole)
        for key in important
        if key in true and important[key].percent is not None and true[key].percent is not None
    ]
    return sorted(rows, key=lambda r: r[1], reverse=True)


@dataclass(frozen=True)
class Change:
    current: float | None
    previous: float | None

    @property
    def points(self) -> int | None:
        """The change as the difference of the two whole percentages shown beside it."""
        if self.current is None or self.previous is None:
            return None
        return whole(self.current) - whole(self.previous)

    @property
    def previous_whole(self) -> int | None:
        return None if self.previous is None else whole(self.previous)


def compare(current: Mapping, previous: Mapping) -> dict:
    """Each key's published percentage now and in the previous wave."""
    return {
        key: Change(value.percent, previous[key].percent if key in previous else None)
        for key, value in current.items()
    }


def a6_text(shown: Shown) -> str:
    """Table A6's "3 (8.8%)"; "c" when hidden."""
    if shown.hidden:
        return HIDDEN
    if shown.percent is None:
        return str(shown.count)
    return f"{shown.count} ({one_decimal(shown.percent)})"


@dataclass
class BreakdownRow:
    label: str
    n: Shown
    cells: list[Shown]


@dataclass
class BreakdownResult:
    columns: list[str]
    rows: list[BreakdownRow]
    overall: BreakdownRow | None
    withheld: str = ""  # why this statement's breakdown is not shown
    note: str = ""  # which groups "Other groups (combined)" holds
    members: list[tuple[str, ...]] = field(default_factory=list)  # each row's profile answers


def _row(label: str, values: Sequence[int]) -> BreakdownRow:
    n = sum(values)
    return BreakdownRow(label, Shown(n), [Shown(v, percent(v, n)) for v in values])


def breakdown(
    counts: Mapping[str, Sequence[int]],
    *,
    groups: Sequence[Group],
    minimum: int,
    labels: Mapping[str, str],
    bands: Sequence[tuple[str, Sequence[int]]] = TRUTH_BANDS,
) -> BreakdownResult:
    """One statement's answers by group (`counts[answer]` are option counts per profile
    answer, "don't know" last; `groups` are the wave's, from `groups.merge_groups`): coarse
    answers as columns, each group in full with row percentages of its N, an Overall row.
    Groups fewer than `minimum` answered this statement are merged further (never shown in
    part); fewer than two groups left means the breakdown is withheld."""
    columns = [label for label, _ in bands]
    size = max(p for _, ps in bands for p in ps)

    def options(members) -> list[int]:
        return [sum(counts.get(m, [0] * size)[i] for m in members) for i in range(size)]

    answering = {g.code: sum(options(g.members)) for g in groups}
    groups = merge_further(groups, answering, minimum)
    if len(groups) < 2:
        return BreakdownResult(
            columns, [], None, withheld=f"fewer than {minimum} in each group answered it"
        )
    totals = {}
    for g in groups:
        found = options(g.members)
        totals[g] = [sum(found[i - 1] for i in positions) for _, positions in bands]
    overall = [sum(v[b] for v in totals.values()) for b in range(len(bands))]
    return BreakdownResult(
        columns,
        [_row(g.label, v) for g, v in totals.items()],
        _row("Overall", overall),
        note=merged_note(groups, labels),
        members=[g.members for g in groups],
    )


@dataclass
class ProfileRow:
    label: str
    cells: list[Shown]
    overall: Shown
    code: str = ""  # the band's answer ("" = Missing)


@dataclass
class ProfileSection:
    title: str
    rows: list[ProfileRow] = field(default_factory=list)
    withheld: bool = False  # no pattern could protect it: only its Overall column is shown


@dataclass
class ProfileTable:
    columns: list[tuple[str, Shown]]
    overall: Shown
    sections: list[ProfileSection]
    note: str = ""
    members: list[tuple[str, ...]] = field(default_factory=list)  # each column's positions

    @property
    def hidden_cells(self) -> int:
        return sum(c.hidden for s in self.sections for r in s.rows for c in r.cells)


def profile_table(
    counts: Mapping[str, Mapping[tuple[str, str], int]],
    *,
    columns: Sequence[Group],
    sections: Sequence[tuple[str, str, Sequence[tuple[str, str]]]],
    minimum: int,
    note: str = "",
) -> ProfileTable:
    """Table A6: positions as columns (merged by `groups.merge_groups`) with their N, each
    other profile question as a section of bands plus "Missing", counts with the percentage of
    the group's N, an Overall column.

    `counts[section_key][(position, band)]` (either "" = not answered). Every one-way count is
    published (each N, the Overall column); inner cells below `minimum` are hidden with the
    fewest others (`suppression.protect_crossed`, one integer programme per section).
    """
    if len(columns) < 2:
        columns = []
    column_of = {m: g.code for g in columns for m in g.members}
    sizes = {g.code: g.size for g in columns}
    total = sum(counts[sections[0][0]].values()) if sections and counts else 0
    result = ProfileTable(
        columns=[(g.label, Shown(g.size, 100.0 if g.size else 0.0)) for g in columns],
        overall=Shown(total, 100.0 if total else 0.0),
        sections=[],
        note=note if columns else "",
        members=[g.members for g in columns],
    )
    for key, title, bands in sections:
        cells: dict[tuple[str, str], int] = {}
        overall: dict[str, int] = {}
        for band, _ in [*bands, (MISSING, "Missing")]:
            overall[band] = 0
            for g in columns:
                cells[(band, g.code)] = 0
        for (position, band), n in counts.get(key, {}).items():
            overall[band] = overall.get(band, 0) + n
            if columns:
                cells[(band, column_of[position])] += n
        hidden = protect_crossed(cells, minimum)
        section = ProfileSection(title, withheld=hidden is None)
        hidden = set(cells) if hidden is None else hidden
        for band, label in [*bands, (MISSING, "Missing")]:
            section.rows.append(
                ProfileRow(
                    label,
                    [
                        Shown(None)
                        if (band, g.code) in hidden
                        else Shown(
                            cells[(band, g.code)],
                            percent(cells[(band, g.code)], sizes[g.code]) or 0.0,
                        )
                        for g in columns
                    ],
                    Shown(overall[band], percent(overall[band], total) or 0.0),
                    band,
                )
            )
        result.sections.append(section)
    return result
