"""The survey statistics against hand-computed cases and the report's own Table A6."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from surveys.groups import OTHER_LABEL, Group, group_minimum, merge_groups, merged_note
from surveys.statistics import (
    IMPORTANCE_GROUPS,
    TRUTH_GROUPS,
    Shown,
    breakdown,
    compare,
    gaps,
    one_decimal,
    profile_table,
    question_result,
    whole,
)

CONTENT = tomllib.loads(
    (Path(__file__).parents[2] / "framework/content/macs-2024.toml").read_text()
)["survey"]
PROFILE = {p["key"]: p for p in CONTENT["profile"]}


def test_whole_rounds_halves_up():
    assert [whole(x) for x in (12.5, 13.5, 0.49, 99.5)] == [13, 14, 0, 100]


def test_one_decimal_prints_as_table_a6():
    assert one_decimal(100 * 3 / 34) == "8.8%"
    assert one_decimal(0) == "0%"
    assert one_decimal(25) == "25.0%"


def test_question_result_counts_percentages_true_and_not_true():
    # 20 answers: 6 completely, 6 mostly, 3 sometimes, 0 mostly not, 0 not at all, 5 don't know.
    result = question_result([6, 6, 3, 0, 0, 5], groups=TRUTH_GROUPS, minimum=1)
    assert result.n == Shown(20)
    assert [o.count for o in result.options] == [6, 6, 3, 0, 0, 5]
    assert result.groups["true"] == Shown(12, 60.0)
    assert result.groups["not_true"] == Shown(0, 0.0)
    assert result.options[2].whole == 15


def test_question_result_leaves_dont_know_out_of_the_base_when_asked():
    result = question_result(
        [6, 6, 3, 0, 0, 5], groups=TRUTH_GROUPS, minimum=1, include_dont_know=False
    )
    assert result.base == 15
    assert result.groups["true"].percent == pytest.approx(80.0)
    assert result.options[5] == Shown(5)  # counted, but not a share of the base


def test_a_question_enough_people_answered_is_published_in_full():
    # A count of 1 across everyone identifies nobody: nothing inside is hidden.
    result = question_result([10, 8, 6, 0, 1, 2], groups=TRUTH_GROUPS, minimum=5)
    assert not result.withheld
    assert [o.count for o in result.options] == [10, 8, 6, 0, 1, 2]
    assert result.groups["not_true"] == Shown(1, 100 / 27)


def test_a_question_fewer_answered_is_withheld_whole():
    result = question_result([1, 1, 0, 1, 0, 0], groups=TRUTH_GROUPS, minimum=5)
    assert result.withheld
    assert result.n.hidden
    assert result.base is None
    assert all(o.hidden for o in result.options)
    assert all(g.hidden for g in result.groups.values())


def test_gaps_are_important_minus_true_largest_first():
    important = {1: Shown(9, 90.0), 2: Shown(8, 80.0), 3: Shown(None)}
    true = {1: Shown(3, 30.0), 2: Shown(7, 70.0), 3: Shown(5, 50.0)}
    assert gaps(important, true) == [(1, 60.0), (2, 10.0)]


def test_compare_reports_points_of_change():
    change = compare({1: Shown(6, 60.4)}, {1: Shown(4, 45.0)})[1]
    assert change.points == 15
    assert compare({1: Shown(6, 60.0)}, {})[1].points is None


def test_importance_is_reported_as_very_important_with_very_or_quite_beside_it():
    result = question_result([7, 5, 2, 1, 5], groups=IMPORTANCE_GROUPS, minimum=1)
    assert result.groups["very_important"] == Shown(7, 35.0)
    assert result.groups["very_or_quite_important"] == Shown(12, 60.0)
    assert result.groups["unimportant"] == Shown(3, 15.0)


def test_breakdown_merges_small_groups_and_shows_each_group_in_full():
    counts = {
        "BM": [1, 0, 0, 0, 0, 0],  # one person: never shown on their own
        "IS": [0, 1, 1, 0, 0, 0],
        "Health": [10, 5, 3, 2, 0, 0],
        "Education": [6, 4, 0, 1, 0, 0],
        "Police": [2, 2, 1, 1, 0, 0],
    }
    labels = {c: c for c in counts}
    groups = merge_groups({c: sum(v) for c, v in counts.items()}, labels, group_minimum(5))
    result = breakdown(counts, groups=groups, minimum=group_minimum(5), labels=labels)
    # BM and IS (3 people together) are below 5, so the next smallest group (the police)
    # joins them: a small group is never shown, not even in part.
    assert [row.label for row in result.rows] == ["Health", "Education", OTHER_LABEL]
    assert result.rows[-1].n.count == 9
    assert result.note == f"{OTHER_LABEL}: BM, IS, Police."
    assert all(row.n.count >= 5 for row in result.rows)
    assert all(not c.hidden for row in result.rows for c in row.cells)
    assert result.overall.n.count == sum(sum(v) for v in counts.values())


def test_breakdown_is_withheld_when_too_few_answered_in_each_group():
    counts = {"BM": [1, 0, 0, 0, 0, 0], "Health": [1, 1, 0, 0, 0, 0]}
    labels = {c: c for c in counts}
    groups = [Group("BM", "BM", ("BM",), 5), Group("Health", "Health", ("Health",), 6)]
    result = breakdown(counts, groups=groups, minimum=5, labels=labels)
    assert result.withheld
    assert result.rows == []
    assert result.overall is None


def test_profile_table_reproduces_table_a6():
    """Table A6 from the report's own counts: every cell and N printed identically."""
    lines = (Path(__file__).parent / "table_a6.tsv").read_text().splitlines()
    header = lines[0].split("\t")[1:]
    groups = PROFILE["position"]["options"]
    sizes = [int(h.split("(N=")[1].rstrip(")")) for h in header[:-1]]
    assert [h.split(" (N=")[0] for h in header[:-1]] == [g["code"] for g in groups]
    expected: dict[tuple[str, str], list[str]] = {}
    sections = []
    counts: dict = {}
    titles = {p["question"]: p for p in CONTENT["profile"][1:]}
    current = None
    for line in lines[1:]:
        label, *values = line.split("\t")
        if not any(values):
            current = titles[label]
            sections.append(
                (current["key"], label, [(o["code"], o["label"]) for o in current["options"]])
            )
            continue
        band = "" if label == "Missing" else label
        expected[(current["key"], label)] = values
        for group, value in zip(groups, values, strict=False):
            counts.setdefault(current["key"], {})[(group["code"], band)] = int(value.split()[0])
    table = profile_table(
        counts,
        columns=[
            Group(g["code"], g["code"], (g["code"],), n) for g, n in zip(groups, sizes, strict=True)
        ],
        sections=sections,
        minimum=1,
    )
    assert [f"{label} (N={n.count})" for label, n in table.columns] + [
        f"Overall (N={table.overall.count})"
    ] == header
    for (key, _, _), section in zip(sections, table.sections, strict=True):
        for row in section.rows:
            printed = [f"{c.count} ({one_decimal(c.percent)})" for c in [*row.cells, row.overall]]
            assert printed == expected[(key, row.label)], (key, row.label)


def _table_a6():
    lines = (Path(__file__).parent / "table_a6.tsv").read_text().splitlines()
    header = lines[0].split("\t")[1:-1]
    codes = [g["code"] for g in PROFILE["position"]["options"]]
    sizes = {c: int(h.split("(N=")[1].rstrip(")")) for c, h in zip(codes, header, strict=True)}
    titles = {p["question"]: p for p in CONTENT["profile"][1:]}
    sections, counts, current = [], {}, None
    for line in lines[1:]:
        label, *values = line.split("\t")
        if not any(values):
            current = titles[label]
            sections.append(
                (current["key"], label, [(o["code"], o["label"]) for o in current["options"]])
            )
            continue
        band = "" if label == "Missing" else label
        for code, value in zip(codes, values, strict=False):
            counts.setdefault(current["key"], {})[(code, band)] = int(value.split()[0])
    return sizes, sections, counts


@pytest.mark.parametrize(("minimum", "most_hidden"), [(5, 155), (3, 105)])
def test_table_a6_shows_every_n_and_hides_few_cells(minimum, most_hidden):
    """The report's own counts (322 respondents): every one-way count shown."""
    sizes, sections, counts = _table_a6()
    columns = merge_groups(sizes, {c: c for c in sizes}, group_minimum(minimum))
    note = merged_note(columns, {c: c for c in sizes})
    table = profile_table(counts, columns=columns, sections=sections, minimum=minimum, note=note)
    assert table.overall.count == 322
    assert all(not n.hidden for _, n in table.columns)
    # IC (4 people) is merged with the next smallest group, the Police (9).
    assert (OTHER_LABEL, Shown(13, 100.0)) in table.columns
    assert "IC, The Police" in table.note
    assert all(not row.overall.hidden for s in table.sections for row in s.rows)
    assert not any(s.withheld for s in table.sections)
    assert table.hidden_cells <= most_hidden
    shown = [c.count for s in table.sections for r in s.rows for c in r.cells if not c.hidden]
    assert all(n == 0 or n >= minimum for n in shown)


def test_points_are_the_difference_of_the_percentages_shown():
    """63% then 53% is a change of 10 points, though the unrounded figures differ by 9.1."""
    change = compare({1: Shown(8, 53.4)}, {1: Shown(10, 62.5)})[1]
    assert (change.previous_whole, whole(change.current), change.points) == (63, 53, -10)
    assert gaps({1: Shown(10, 62.5)}, {1: Shown(8, 53.4)}) == [(1, 10)]
