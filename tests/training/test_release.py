"""Which sessions' evaluations may be shown (training/release.py): a group of at least the
minimum, small sessions combined in the order they closed, and what is shown only ever grows by
whole groups, so no comparison over time singles anyone out."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from training.release import Entry, release

DAY = date(2025, 4, 1)


def on(days: int) -> date:
    return DAY + timedelta(days=days)


def test_a_session_with_enough_evaluations_is_its_own_group():
    shown = release([Entry("a", on(10), 7)], 5, on(11))
    assert [g.keys for g in shown.groups] == [("a",)]
    assert shown.held == ()


def test_small_sessions_wait_and_are_shown_together_once_they_reach_the_minimum():
    entries = [Entry("a", on(10), 3), Entry("b", on(20), 1), Entry("c", on(30), 2)]
    assert release(entries, 5, on(25)).groups == []
    assert release(entries, 5, on(25)).held == ("a", "b")
    assert release(entries, 5, on(25)).held_evaluations == 4
    later = release(entries, 5, on(31))
    assert [(g.keys, g.evaluations) for g in later.groups] == [(("a", "b", "c"), 6)]
    assert later.groups[0].combined


def test_open_sessions_and_sessions_nobody_evaluated_are_not_groups():
    entries = [Entry("open", on(40), 9), Entry("none", on(5), 0), Entry("big", on(6), 5)]
    shown = release(entries, 5, on(30))
    assert [g.keys for g in shown.groups] == [("big",)]
    assert shown.waiting == ("open",)
    assert shown.held == ()


sessions = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 9)), min_size=1, max_size=12).map(
    lambda rows: [Entry(i, on(d), n) for i, (d, n) in enumerate(rows)]
)


@given(sessions, st.integers(2, 10), st.lists(st.integers(0, 70), min_size=2, max_size=5))
def test_what_is_shown_only_grows_by_whole_groups_of_at_least_the_minimum(entries, minimum, days):
    earlier = None
    for today in sorted(on(d) for d in days):
        shown = release(entries, minimum, today)
        assert all(g.evaluations >= minimum for g in shown.groups)
        assert shown.shown_evaluations + shown.held_evaluations == sum(
            e.evaluations for e in entries if e.closes_on < today
        )
        if earlier is not None:
            # Every group shown before is still shown, unchanged: the difference between the
            # two days is made of whole new groups, each of at least the minimum.
            assert set(earlier.groups) <= set(shown.groups)
        earlier = shown
