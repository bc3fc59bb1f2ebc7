"""The survey statistics against hand-computed cases and the report's own Table A6."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

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
    ranked,
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


def test_question_result_hides_small_counts_and_enough_others():
    # 3 "not true at all" is below 5: hidden, and so must be something it can be worked
    # out from (the "not true" total, and a second count).
    result = question_result([10, 8, 6, 0, 3, 2], groups=TRUTH_GROUPS, minimum=5)
    assert result.options[4].hidden and result.options[5].hidden
    assert result.groups["not_true"].hidden
    assert result.groups["true"] == Shown(18, 100 * 18 / 29)
    assert result.n == Shown(29)


def test_question_result_hides_everything_for_too_few_answers():
    result = question_result([1, 1, 0, 1, 0, 0], groups=TRUTH_GROUPS, minimum=5)
    assert result.n.hidden and result.base is None
    assert all(o.hidden or o.percent is None for o in result.options)


def test_ranked_puts_hidden_last():
    values = {"a": Shown(5, 50.0), "b": Shown(None), "c": Shown(9, 90.0), "d": Shown(1, 10.0)}
    assert ranked(values) == ["c", "a", "d", "b"]
    assert ranked(values, descending=False) == ["d", "a", "c", "b"]


def test_gaps_are_important_minus_true_largest_first():
    important = {1: Shown(9, 90.0), 2: Shown(8, 80.0), 3: Shown(None)}
    true = {1: Shown(3, 30.0), 2: Shown(7, 70.0), 3: Shown(5, 50.0)}
    assert gaps(important, true) == [(1, 60.0), (2, 10.0)]


def test_compare_reports_points_of_change():
    change = compare({1: Shown(6, 60.4)}, {1: Shown(4, 45.0)})[1]
    assert change.points == 15
    assert compare({1: Shown(6, 60.0)}, {})[1].points is None


def test_importance_groups_are_very_and_quite_important():
    result = question_result([7, 5, 2, 1, 5], groups=IMPORTANCE_GROUPS, minimum=1)
    assert result.groups["important"] == Shown(12, 60.0)
    assert result.groups["unimportant"] == Shown(3, 15.0)


def test_breakdown_hides_a_small_group_whole_and_one_more():
    counts = {
        "BM": [1, 1, 0, 0, 0, 0],  # N=2: hidden whole
        "Health": [10, 5, 3, 2, 0, 0],
        "Education": [6, 4, 0, 1, 0, 0],
    }
    labels = {"BM": "Business manager", "Health": "Health", "Education": "Education"}
    result = breakdown(counts, labels=labels, minimum=5)
    bm = result.rows[0]
    assert bm.n.hidden and all(c.hidden for c in bm.cells if c.count != 0)
    # The Overall row and the other groups must not give the business manager away.
    assert result.overall.n == Shown(33, 100.0)
    assert result.rows[1].n.count == 20
    # Working back from everything shown, the business managers' "true" could be 2 or more.
    shown_total = result.overall.n.count - sum(r.n.count or 0 for r in result.rows[1:])
    assert shown_total != 2 or any(r.n.hidden for r in result.rows[1:])


def test_profile_table_reproduces_table_a6():
    """Table A6 from the report's own counts: every cell and N printed identically."""
    lines = (Path(__file__).parent / "table_a6.tsv").read_text().splitlines()
    header = lines[0].split("\t")[1:]
    groups = PROFILE["position"]["options"]
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
        groups=[(g["code"], g["code"]) for g in groups],
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


def test_profile_table_hides_the_four_independent_chairs_at_five():
    """At the default minimum of 5 the report's IC column (N=4) could not be published."""
    groups = [("IS", "IS"), ("IC", "IC"), ("BM", "BM")]
    counts = {"region": {("IS", "North East"): 6, ("IC", "North East"): 4, ("BM", "North East"): 8}}
    sections = [("region", "Region", [("North East", "North East")])]
    table = profile_table(counts, groups=groups, sections=sections, minimum=5)
    n = dict(table.columns)
    assert n["IC"].hidden and n["IS"].hidden  # IC's N would follow from the Overall N
    assert n["BM"].count == 8 and table.overall.count == 18
