"""Survey statistics as the report computes them (section 1.1.1 and Appendix II), with every
published value passed through small-group protection (`suppression`). No database here:
selectors count in SQL and hand the counts over.

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

from .suppression import Table, protect

HIDDEN = "c"
MISSING = ""

# Positions (1-based) in the edition's option lists; the last option is "don't know".
TRUTH_GROUPS = {"true": (1, 2), "not_true": (4, 5)}
IMPORTANCE_GROUPS = {"important": (1, 2), "unimportant": (3, 4)}
CHANGE_GROUPS: dict[str, tuple[int, ...]] = {}
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
    """One statement's answers to one question."""

    n: Shown
    options: list[Shown]
    groups: dict[str, Shown]
    base: int | None  # the percentage base, None when it cannot be published


def question_result(
    counts: Sequence[int],
    *,
    groups: Mapping[str, Sequence[int]],
    minimum: int,
    include_dont_know: bool = True,
) -> QuestionResult:
    """Counts of each option (in the edition's order, "don't know" last) to published values."""
    size = len(counts)
    table = Table(
        cells={i: counts[i - 1] for i in range(1, size + 1)},
        sums={"n": tuple(range(1, size + 1))} | {k: tuple(v) for k, v in groups.items()},
    )
    hidden = protect(table, minimum)
    n = sum(counts)
    if "n" in hidden or (not include_dont_know and size in hidden):
        base = None
    else:
        base = n if include_dont_know else n - counts[-1]

    def shown(key) -> Shown:
        if key in hidden:
            return Shown(None)
        value = table.value(key)
        if base is None or (not include_dont_know and key == size):
            return Shown(value)
        return Shown(value, percent(value, base))

    return QuestionResult(
        n=Shown(None) if "n" in hidden else Shown(n),
        options=[shown(i) for i in range(1, size + 1)],
        groups={k: shown(k) for k in groups},
        base=base,
    )


def ranked(values: Mapping, *, descending: bool = True) -> list:
    """Keys ordered by their published percentage; hidden or empty ones last."""
    known = [k for k, v in values.items() if v.percent is not None]
    unknown = [k for k, v in values.items() if v.percent is None]
    return sorted(known, key=lambda k: values[k].percent, reverse=descending) + unknown


def gaps(important: Mapping, true: Mapping) -> list[tuple[object, float]]:
    """Statements rated important but not true: important % minus true %, largest first.
    Only statements with both percentages published take part."""
    rows = [
        (key, important[key].percent - true[key].percent)
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
        if self.current is None or self.previous is None:
            return None
        return whole(self.current - self.previous)


def compare(current: Mapping, previous: Mapping) -> dict:
    """Each key's published percentage now and in the previous wave."""
    return {
        key: Change(value.percent, previous[key].percent if key in previous else None)
        for key, value in current.items()
    }


def _published(table: Table, hidden: frozenset, key, base_key) -> Shown:
    """A protected table's value with its percentage of a published base (0% of nobody)."""
    if key in hidden:
        return Shown(None)
    value = table.value(key)
    if base_key in hidden:
        return Shown(value)
    base = table.value(base_key)
    return Shown(value, percent(value, base) if base else 0.0)


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
    overall: BreakdownRow


def breakdown(
    counts: Mapping[str, Sequence[int]],
    *,
    labels: Mapping[str, str],
    minimum: int,
    bands: Sequence[tuple[str, Sequence[int]]] = TRUTH_BANDS,
) -> BreakdownResult:
    """One statement's answers by group (`counts[group]` are option counts, "don't know"
    last): coarse answers as columns, row percentages of each group's N, an Overall row.
    A group smaller than the minimum is hidden: its N and every count but its zeros (a zero
    in a row whose total is zero could never be hidden)."""
    groups = [g for g in labels if g in counts]
    cells = {
        (g, b): sum(counts[g][i - 1] for i in positions)
        for g in groups
        for b, (_, positions) in enumerate(bands)
    }
    sums = {("n", g): tuple((g, b) for b in range(len(bands))) for g in groups}
    sums |= {("all", b): tuple((g, b) for g in groups) for b in range(len(bands))}
    sums["total"] = tuple(cells)
    small = [g for g in groups if 0 < sum(counts[g]) < minimum]
    force = {("n", g) for g in small} | {c for c in cells if c[0] in small and cells[c]}
    table = Table(cells=cells, sums=sums, force=frozenset(force))
    hidden = protect(table, minimum)

    def shown(key, base_key) -> Shown:
        return _published(table, hidden, key, base_key)

    rows = [
        BreakdownRow(
            labels[g],
            shown(("n", g), ("n", g)),
            [shown((g, b), ("n", g)) for b in range(len(bands))],
        )
        for g in groups
    ]
    overall = BreakdownRow(
        "Overall",
        shown("total", "total"),
        [shown(("all", b), "total") for b in range(len(bands))],
    )
    return BreakdownResult([label for label, _ in bands], rows, overall)


@dataclass
class ProfileRow:
    label: str
    cells: list[Shown]
    overall: Shown


@dataclass
class ProfileSection:
    title: str
    rows: list[ProfileRow] = field(default_factory=list)


@dataclass
class ProfileTable:
    columns: list[tuple[str, Shown]]
    overall: Shown
    sections: list[ProfileSection]


def profile_table(
    counts: Mapping[str, Mapping[tuple[str, str], int]],
    *,
    groups: Sequence[tuple[str, str]],
    sections: Sequence[tuple[str, str, Sequence[tuple[str, str]]]],
    minimum: int,
) -> ProfileTable:
    """Table A6: groups (positions) as columns with their N, each profile question as a section
    of bands plus "Missing", counts with the percentage of the group's N, an Overall column.

    `counts[section_key][(group_code, band_code)]` (band "" = not answered); `groups` and each
    section's bands are (code, label) in display order.
    """
    codes = [g for g, _ in groups]
    cells: dict = {}
    for key, _, bands in sections:
        for band, _ in [*bands, (MISSING, "Missing")]:
            for g in codes:
                cells[(key, band, g)] = counts.get(key, {}).get((g, band), 0)
    first = sections[0][0]
    bands_of = {key: [b for b, _ in bands] + [MISSING] for key, _, bands in sections}

    def column(key, g):
        return tuple((key, b, g) for b in bands_of[key])

    sums = {("N", g): column(first, g) for g in codes}
    sums["N"] = tuple(c for c in cells if c[0] == first)
    for key, _, _ in sections:
        for b in bands_of[key]:
            sums[("overall", key, b)] = tuple((key, b, g) for g in codes)
    ties = [(column(key, g), column(first, g)) for key, _, _ in sections[1:] for g in codes]
    small = [g for g in codes if 0 < sum(cells[c] for c in column(first, g)) < minimum]
    force = {("N", g) for g in small} | {c for c in cells if c[2] in small and cells[c]}
    table = Table(cells=cells, sums=sums, ties=ties, force=frozenset(force))
    hidden = protect(table, minimum)

    def shown(key, base_key) -> Shown:
        return _published(table, hidden, key, base_key)

    result = ProfileTable(
        columns=[(label, shown(("N", g), ("N", g))) for g, label in groups],
        overall=shown("N", "N"),
        sections=[],
    )
    for key, title, bands in sections:
        section = ProfileSection(title)
        for band, label in [*bands, (MISSING, "Missing")]:
            section.rows.append(
                ProfileRow(
                    label,
                    [shown((key, band, g), ("N", g)) for g in codes],
                    shown(("overall", key, band), "N"),
                )
            )
        result.sections.append(section)
    return result
