"""Draw a theory-of-change tree: the MACS tree, or a priority's own tree.

One function, `draw_tree`, gives the same picture as SVG (for the page: leaves are links and
the text is real text) or PNG (for Word and PDF). Pure: it takes a `TreeSpec` and knows nothing
of the database. Screen-reader users get the same structure from the page's text alternative.

The drawing is measured in points and is `WIDTH` points wide. Shown at its own width or wider
(the page never shrinks it: on a phone it scrolls inside its frame), no text is smaller than
`SIZE` pixels. Text is wrapped in full, never clipped, and the layout grows to hold it.
"""

from __future__ import annotations

import io
import logging
import math
import re
import textwrap
from dataclasses import dataclass, field, replace
from html import escape

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch, Polygon

matplotlib.rcParams["text.parse_math"] = False  # labels are plain text (see ui.charts)

DEFAULT_LEAF = "#00703c"
TRUNK = "#6f4e37"
ROOT = "#8a6a4f"
SKY = "#1d70b8"
TEXT = "#0b0c0c"
HIDDEN_MARK = "?macs-shape"
NOT_REVIEWED = "#b1b4b6"  # GOV.UK mid-grey: a leaf the review has not judged yet

WIDTH = 960  # points; the page's main column is 960 px wide on a laptop
SIZE = 12  # the smallest text, in points (pixels at the drawing's own width)
HEADING = 13
LINE = SIZE * 1.3
PAD = 16
LEAF_WIDTH = 84  # two leaves side by side under each of five outcome categories
PER_ROW = {"birds": 5, "groups": 5, "roots": 6}


def text_on(fill: str) -> str:
    """Near-black or white, whichever reads better on `fill` (WCAG relative luminance)."""
    red, green, blue = (int(fill.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    # Contrast with white is 1.05 / (L + 0.05); with near-black (L 0.006) (L + 0.05) / 0.056.
    return "#ffffff" if 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.056 else TEXT


# Arial where installed, its metric twin Liberation Sans otherwise; no warnings for the rest.
FONTS = {
    "font.family": "sans-serif",
    "font.sans-serif": ["Arial", "Liberation Sans", "DejaVu Sans"],
}
logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)


@dataclass(frozen=True)
class TreeItem:
    """A labelled element of the tree. `href` makes it a link in SVG. A leaf shows `short`
    and, under it, `note` (a review's judgement, so colour is never the only cue)."""

    label: str
    short: str = ""
    href: str = ""
    colour: str = ""
    description: str = ""
    note: str = ""


@dataclass(frozen=True)
class LeafGroup:
    """A cluster of leaves: an outcome category and its outcomes."""

    name: str
    leaves: list[TreeItem]
    href: str = ""


@dataclass(frozen=True)
class TreeSpec:
    title: str
    birds: list[TreeItem] = field(default_factory=list)
    leaf_groups: list[LeafGroup] = field(default_factory=list)
    branches: list[TreeItem] = field(default_factory=list)
    trunk: list[TreeItem] = field(default_factory=list)
    roots: list[TreeItem] = field(default_factory=list)


def without_links(spec: TreeSpec) -> TreeSpec:
    """The same tree as a plain picture (for a document, where a link has nowhere to go)."""

    def strip(items: list[TreeItem]) -> list[TreeItem]:
        return [replace(item, href="") for item in items]

    return replace(
        spec,
        birds=strip(spec.birds),
        leaf_groups=[replace(g, href="", leaves=strip(g.leaves)) for g in spec.leaf_groups],
        branches=strip(spec.branches),
        trunk=strip(spec.trunk),
        roots=strip(spec.roots),
    )


def wrap(text: str, width: float, *, bold: bool = False, size: float = SIZE) -> list[str]:
    """`text` in whole words on lines at most `width` points wide (a generous Arial average,
    so real text stays inside; the tests measure the drawn text)."""
    per_char = size * (0.58 if bold else 0.52)
    lines = textwrap.wrap(
        " ".join(text.split()), max(4, int(width / per_char)), break_long_words=False
    )
    return lines or [""]


def _widest(text: str, *, bold: bool = False) -> float:
    """Roughly how wide `text` is on one line, in points."""
    return len(text) * SIZE * (0.58 if bold else 0.52)


# -- Layout: everything is placed from the top down, in points, before anything is drawn. --


@dataclass
class Words:
    """Lines of text whose first line is the link; the rest repeat it hidden (one tab stop)."""

    x: float
    top: float
    lines: list[str]
    size: float = SIZE
    bold: bool = False
    href: str = ""
    ha: str = "center"
    colour: str = TEXT

    @property
    def height(self) -> float:
        return len(self.lines) * self.size * 1.3


@dataclass
class Leaf:
    x: float  # centre
    top: float
    width: float
    height: float
    colour: str
    href: str


@dataclass
class Layout:
    height: float = 0
    words: list[Words] = field(default_factory=list)
    leaves: list[Leaf] = field(default_factory=list)
    boxes: list[tuple[float, float, float, float, str]] = field(default_factory=list)
    lines: list[tuple[list[float], list[float], str, float]] = field(default_factory=list)
    birds: list[tuple[float, float]] = field(default_factory=list)
    trunk: tuple[float, float] = (0, 0)  # top and bottom


def _columns(count: int, most: int) -> list[list[int]]:
    """Indexes split into rows of at most `most`."""
    return [list(range(i, min(i + most, count))) for i in range(0, count, most)]


def _sky(spec: TreeSpec, out: Layout, top: float) -> float:
    if not spec.birds:
        return top
    out.words.append(Words(PAD, top, ["Birds: impacts"], HEADING, True, ha="left"))
    top += HEADING * 1.3 + 8
    for row in _columns(len(spec.birds), PER_ROW["birds"]):
        width = (WIDTH - 2 * PAD) / len(row)
        tallest = 0.0
        for n, i in enumerate(row):
            item, x = spec.birds[i], PAD + width * (n + 0.5)
            out.birds.append((x, top + 6))
            words = Words(x, top + 16, wrap(item.short or item.label, width - 16), href=item.href)
            out.words.append(words)
            tallest = max(tallest, words.height)
        top += 16 + tallest + 12
    return top + 8


def _leaf_lines(leaf: TreeItem, width: float) -> tuple[list[str], list[str]]:
    return wrap(leaf.short or leaf.label, width - 12, bold=True), (
        wrap(leaf.note, width - 8) if leaf.note else []
    )


def _leaf_width(leaves: list[TreeItem], room: float) -> float:
    """Wide enough for each leaf's longest word-run, within the group's column."""
    wanted = max(
        [_widest(leaf.short or leaf.label, bold=True) + 16 for leaf in leaves]
        + [_widest(leaf.note) + 12 for leaf in leaves]
    )
    return max(LEAF_WIDTH, min(wanted, room - 12, 220))


def _crown(spec: TreeSpec, out: Layout, top: float) -> tuple[float, list[tuple[float, float]]]:
    """The outcome groups across the crown, the middle ones raised; returns where each
    group's cluster ends (its branch meets it there)."""
    ends: list[tuple[float, float]] = []
    for row in _columns(len(spec.leaf_groups), PER_ROW["groups"]):
        width = (WIDTH - 2 * PAD) / len(row)
        bottom = top
        for n, i in enumerate(row):
            group, x = spec.leaf_groups[i], PAD + width * (n + 0.5)
            lift = 40 * math.sin(math.pi * (n + 0.5) / len(row)) if len(row) > 2 else 40
            cursor = top + 40 - lift
            name = Words(
                x,
                cursor,
                wrap(group.name, width - 12, bold=True, size=HEADING),
                HEADING,
                True,
                group.href,
            )
            out.words.append(name)
            cursor += name.height + 6
            cursor = _cluster(group.leaves, x, width, cursor, out)
            ends.append((x, cursor))
            bottom = max(bottom, cursor)
        top = bottom + 16
    return top, ends


def _cluster(leaves: list[TreeItem], x: float, width: float, top: float, out: Layout) -> float:
    if not leaves:
        return top
    leaf_width = _leaf_width(leaves, width)
    across = max(1, min(len(leaves), int((width + 6) // (leaf_width + 6))))
    for row in _columns(len(leaves), across):
        texts = [_leaf_lines(leaves[i], leaf_width) for i in row]
        height = max(len(a) + len(b) for a, b in texts) * LINE + 14
        for n, i in enumerate(row):
            leaf = leaves[i]
            cx = x + (n - (len(row) - 1) / 2) * (leaf_width + 6)
            fill = leaf.colour or DEFAULT_LEAF
            out.leaves.append(Leaf(cx, top, leaf_width, height, fill, leaf.href))
            short, note = texts[n]
            lines = len(short) + len(note)
            first = top + (height - lines * LINE) / 2
            out.words.append(
                Words(cx, first, short, bold=True, href=leaf.href, colour=text_on(fill))
            )
            if note:
                out.words.append(
                    Words(
                        cx,
                        first + len(short) * LINE,
                        note,
                        href=leaf.href + HIDDEN_MARK,
                        colour=text_on(fill),
                    )
                )
        top += height + 6
    return top


def _item_column(
    items: list[TreeItem], heading: str, left: float, width: float, top: float, out: Layout
) -> float:
    if not items:
        return top
    out.words.append(Words(left, top, [heading], HEADING, True, ha="left"))
    top += HEADING * 1.3 + 6
    for item in items:
        words = Words(left, top, wrap(item.short or item.label, width), href=item.href, ha="left")
        out.words.append(words)
        top += words.height + 6
    return top


def _middle(spec: TreeSpec, out: Layout, top: float, ends: list[tuple[float, float]]) -> float:
    middle = WIDTH / 2
    side = middle - 60 - PAD
    # The columns start below where the branches leave the trunk.
    left = _item_column(spec.branches, "Branches: activities", PAD, side, top + 28, out)
    right = _item_column(spec.trunk, "Trunk: resources", middle + 60, side, top + 28, out)
    bottom = max(left, right, top + 140) + 10
    out.trunk = (top, bottom)
    for x, end in ends:
        out.lines.append(
            (
                [middle + max(-30.0, min(30.0, (x - middle) / 8)), (middle + x) / 2, x],
                [top + 4, (top + end) / 2 + 6, end - 4],
                TRUNK,
                4,
            )
        )
    out.words.append(
        Words(middle, (top + bottom) / 2 - LINE, ["Trunk"], HEADING, True, colour="#ffffff")
    )
    return bottom


def _roots(spec: TreeSpec, out: Layout, top: float) -> float:
    top += 36
    for row in _columns(len(spec.roots), PER_ROW["roots"]):
        width = (WIDTH - 2 * PAD) / len(row)
        texts = [wrap(spec.roots[i].short or spec.roots[i].label, width - 28) for i in row]
        height = max(len(t) for t in texts) * LINE + 14
        for n, i in enumerate(row):
            x = PAD + width * (n + 0.5)
            out.lines.append(
                (
                    [WIDTH / 2, (WIDTH / 2 + x) / 2, x],
                    [out.trunk[1] - 4, out.trunk[1] + 18, top],
                    ROOT,
                    3,
                )
            )
            out.boxes.append((x - width / 2 + 6, top, width - 12, height, spec.roots[i].href))
            first = top + (height - len(texts[n]) * LINE) / 2
            out.words.append(Words(x, first, texts[n], href=spec.roots[i].href))
        top += height + 12
    out.words.append(Words(WIDTH / 2, top, ["Roots: principles"], HEADING, True))
    return top + HEADING * 1.3


def layout(spec: TreeSpec) -> Layout:
    out = Layout()
    top = _sky(spec, out, PAD)
    top, ends = _crown(spec, out, top)
    top = _middle(spec, out, top, ends)
    out.height = _roots(spec, out, top) + PAD
    return out


# -- Drawing --


def _link(artist, href: str) -> None:
    if href:
        artist.set_url(href)


def _draw_words(ax, words: Words, height: float) -> None:
    for n, line in enumerate(words.lines):
        # The first line is the link; the rest point to the same place but are hidden.
        href = (
            words.href
            if n == 0 or not words.href
            else words.href.removesuffix(HIDDEN_MARK) + HIDDEN_MARK
        )
        text = ax.text(
            words.x,
            height - words.top - (n + 0.5) * words.size * 1.3,
            line,
            ha=words.ha,
            va="center",
            fontsize=words.size,
            color=words.colour,
            fontweight="bold" if words.bold else "normal",
            zorder=4,
        )
        _link(text, href)


def _figure(spec: TreeSpec):
    plan = layout(spec)
    h = plan.height
    fig = plt.figure(figsize=(WIDTH / 72, h / 72), dpi=72)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, WIDTH)
    ax.set_ylim(0, h)
    ax.axis("off")
    top, bottom = plan.trunk
    middle = WIDTH / 2
    ax.add_patch(
        Polygon(
            [
                (middle - 56, h - bottom),
                (middle + 56, h - bottom),
                (middle + 40, h - top),
                (middle - 40, h - top),
            ],
            closed=True,
            color=TRUNK,
            zorder=2,
        )
    )
    for xs, ys, colour, width in plan.lines:
        ax.plot(
            xs, [h - y for y in ys], color=colour, linewidth=width, zorder=1, solid_capstyle="round"
        )
    for x, y in plan.birds:
        ax.plot([x - 9, x - 4, x], [h - y + 3, h - y + 5, h - y], color=SKY, linewidth=2)
        ax.plot([x, x + 4, x + 9], [h - y, h - y + 5, h - y + 3], color=SKY, linewidth=2)
    for leaf in plan.leaves:
        shape = FancyBboxPatch(
            (leaf.x - leaf.width / 2, h - leaf.top - leaf.height),
            leaf.width,
            leaf.height,
            boxstyle="round,pad=0,rounding_size=16",
            facecolor=leaf.colour,
            edgecolor="#ffffff",
            linewidth=1.5,
            zorder=3,
        )
        ax.add_patch(shape)
        _link(shape, leaf.href + HIDDEN_MARK if leaf.href else "")
    for left, top_, width, height, href in plan.boxes:
        box = FancyBboxPatch(
            (left, h - top_ - height),
            width,
            height,
            boxstyle="round,pad=0,rounding_size=6",
            facecolor="#f3f2f1",
            edgecolor=ROOT,
            zorder=3,
        )
        ax.add_patch(box)
        _link(box, href + HIDDEN_MARK if href else "")
    for words in plan.words:
        _draw_words(ax, words, h)
    return fig


def draw_tree(spec: TreeSpec, fmt: str = "svg", *, picture: bool = False) -> bytes:
    """Render `spec` as "svg" (links, real text, stable bytes) or "png" (150 dpi). A
    `picture` is the plain SVG for a document's figure, which gives its own text alternative
    (no links, no page sizing)."""
    with plt.rc_context({"svg.fonttype": "none", "svg.hashsalt": "macs-tree", **FONTS}):
        fig = _figure(spec)
        buffer = io.BytesIO()
        if fmt == "svg":
            fig.savefig(buffer, format="svg", metadata={"Date": None})
        elif fmt == "png":
            fig.savefig(buffer, format="png", dpi=150, metadata={"Software": None})
        else:
            raise ValueError(f"Unknown format {fmt!r}")
        plt.close(fig)
    data = buffer.getvalue()
    if fmt == "svg" and picture:
        return re.sub(rb'\swidth="[^"]*pt" height="[^"]*pt"', b"", data, count=1)
    return _accessible_svg(data.decode("utf-8"), spec).encode("utf-8") if fmt == "svg" else data


def _accessible_svg(svg: str, spec: TreeSpec) -> str:
    """Make matplotlib's SVG fit a page: inline, labelled, same-tab links, one link per item."""
    labels = {}
    for group in spec.leaf_groups:
        labels[group.href] = group.name
        for leaf in group.leaves:
            labels[leaf.href] = leaf.label
    for item in [*spec.birds, *spec.branches, *spec.trunk, *spec.roots]:
        labels[item.href] = item.label

    def replace(match: re.Match) -> str:
        href = match.group(1)
        if href.endswith(HIDDEN_MARK):
            real = escape(href[: -len(HIDDEN_MARK)])
            return f'<a href="{real}" tabindex="-1" aria-hidden="true">'
        label = labels.get(href, "")
        return f'<a href="{escape(href)}" aria-label="{escape(label)}">'

    svg = re.sub(r'<a xlink:href="([^"]*)" target="_blank">', replace, svg)
    svg = svg[svg.index("<svg") :]  # drop the XML prolog and doctype for inline use
    svg = re.sub(r'\swidth="[^"]*pt" height="[^"]*pt"', "", svg, count=1)
    return svg.replace(
        "<svg ",
        f'<svg class="macs-tree" role="group" aria-label="{escape(spec.title)}" focusable="false" ',
        1,
    )
