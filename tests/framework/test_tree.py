"""The tree drawing: every label in full, at 12 points or more, inside the drawing and its
own shape, and clear of every other label, whatever the tree holds. Measured on the text
matplotlib actually draws, not on the layout's estimates."""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framework.tree import (
    FONTS,
    HIDDEN_MARK,
    SIZE,
    WIDTH,
    LeafGroup,
    TreeItem,
    TreeSpec,
    _figure,
    draw_tree,
)

SLACK = 0.5  # points: anti-aliasing, not overflow


def _drawn(spec: TreeSpec):
    """(text, box) for every drawn label and the boxes of the shapes that hold text."""
    with plt.rc_context({"svg.fonttype": "none", **FONTS}):
        fig = _figure(spec)
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        ax = fig.axes[0]
        texts = [(t, t.get_window_extent(renderer)) for t in ax.texts]
        shapes = [p.get_window_extent(renderer) for p in ax.patches]
        size = fig.bbox
        plt.close(fig)
    return texts, shapes, size


def _inside(inner, outer) -> bool:
    return (
        inner.x0 >= outer.x0 - SLACK
        and inner.x1 <= outer.x1 + SLACK
        and inner.y0 >= outer.y0 - SLACK
        and inner.y1 <= outer.y1 + SLACK
    )


def _problems(spec: TreeSpec) -> list[str]:
    texts, shapes, figure = _drawn(spec)
    problems = []
    for text, box in texts:
        words = text.get_text()
        if text.get_fontsize() < SIZE:
            problems.append(f"{words!r} is {text.get_fontsize()} pt")
        if not _inside(box, figure):
            problems.append(f"{words!r} runs off the drawing")
        holders = [s for s in shapes if s.contains(*box.get_points().mean(axis=0))]
        if words != "Trunk" and holders and not any(_inside(box, s) for s in holders):
            problems.append(f"{words!r} spills out of its shape")
        if words != "Trunk" and not holders and any(box.overlaps(s) for s in shapes):
            problems.append(f"{words!r} runs into a shape")
    for i, (a, box_a) in enumerate(texts):
        for b, box_b in texts[i + 1 :]:
            if box_a.overlaps(box_b) and box_a.intersection(box_a, box_b).width > SLACK:
                overlap = box_a.intersection(box_a, box_b)
                if overlap.height > SLACK:
                    problems.append(f"{a.get_text()!r} overlaps {b.get_text()!r}")
    return problems


def _macs_like() -> TreeSpec:
    long = "Time contributions from frontline practitioners, children, young people, families"
    return TreeSpec(
        title="A tree",
        birds=[
            TreeItem(
                f"Impact {n}",
                "Children and young people are safe in and outside of their homes.",
                f"/i{n}/",
            )
            for n in range(5)
        ],
        leaf_groups=[
            LeafGroup(
                name,
                [
                    TreeItem(f"{g}.{n}", f"{g}.{n}", f"/o{g}{n}/", "#f47738", note="Not in place")
                    for n in range(1, 5)
                ],
                f"/c{g}/",
            )
            for g, name in enumerate(
                ["Leadership", "Accountability", "Participation", "Collaboration", "Culture"], 1
            )
        ],
        branches=[TreeItem(f"A{n}", long, f"/a{n}/") for n in range(5)],
        trunk=[TreeItem(f"R{n}", long, f"/r{n}/") for n in range(6)],
        roots=[TreeItem(f"P{n}", "Ambition and transparency", f"/p{n}/") for n in range(6)],
    )


def test_every_label_is_whole_readable_and_clear_of_the_others():
    spec = _macs_like()
    assert _problems(spec) == []
    texts, _, _ = _drawn(spec)
    by_link: dict[str, list[str]] = {}
    for text, _ in texts:
        if text.get_url():
            by_link.setdefault(text.get_url().removesuffix(HIDDEN_MARK), []).append(text.get_text())
    # Wrapped in whole words, never clipped: each item reads in full, in order.
    for item in [*spec.birds, *spec.branches, *spec.trunk, *spec.roots]:
        assert " ".join(by_link[item.href]) == item.short
    assert by_link["/o11/"] == ["1.1", "Not in place"]


def test_the_check_catches_an_overflowing_label(monkeypatch):
    # Guard the guard: a layout that thinks text is narrower than it is must be caught.
    import framework.tree as tree

    monkeypatch.setattr(tree, "wrap", lambda text, width, **_: [" ".join(text.split())])
    assert _problems(_macs_like()) != []


def test_the_drawing_is_as_wide_as_the_page_column_and_labels_are_12_points():
    svg = draw_tree(_macs_like()).decode()
    assert f'viewBox="0 0 {WIDTH} ' in svg
    sizes = {int(s) for s in re.findall(r"font-size: (\d+)px", svg)}
    assert min(sizes) >= 12


def test_a_multi_line_label_is_one_link_and_the_judgement_is_written_on_the_leaf():
    spec = TreeSpec(
        title="t",
        leaf_groups=[
            LeafGroup(
                "Group",
                [TreeItem("1.1 Vision: Embedded", "1.1", "/o/", "#00703c", note="Embedded")],
            )
        ],
        branches=[TreeItem("Activity", "A long activity " * 8, "/a/")],
    )
    svg = draw_tree(spec).decode()
    assert svg.count('<a href="/a/" aria-label="Activity">') == 1
    assert svg.count('<a href="/a/" tabindex="-1" aria-hidden="true">') >= 1
    assert ">Embedded<" in svg


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=14)
phrases = st.lists(words, min_size=1, max_size=25).map(" ".join)
items = st.builds(TreeItem, label=phrases, short=phrases, href=st.just("/x/"))
leaves = st.builds(
    TreeItem,
    label=phrases,
    short=st.lists(words, min_size=1, max_size=8).map(" ".join),
    href=st.just("/l/"),
    colour=st.sampled_from(["#d4351c", "#f47738", "#1d70b8", "#00703c", "#b1b4b6"]),
    note=st.sampled_from(["", "Not yet assessed", "Established", "Off track"]),
)
specs = st.builds(
    TreeSpec,
    title=st.just("t"),
    birds=st.lists(items, max_size=7),
    leaf_groups=st.lists(
        st.builds(LeafGroup, name=phrases, leaves=st.lists(leaves, max_size=5)), max_size=7
    ),
    branches=st.lists(items, max_size=6),
    trunk=st.lists(items, max_size=6),
    roots=st.lists(
        st.builds(TreeItem, label=phrases, short=st.lists(words, max_size=4).map(" ".join)),
        max_size=8,
    ),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs)
def test_any_tree_keeps_its_labels_inside_and_apart(spec):
    assert _problems(spec) == []
