"""Draw a theory-of-change tree: the MACS tree, or later a priority's own tree.

One function, `draw_tree`, gives the same picture as SVG (for the page: leaves are links and
the text is real text) or PNG (for Word and PDF). Pure: it takes a `TreeSpec` and knows nothing
of the database. Screen-reader users get the same structure from the page's text alternative.
"""

from __future__ import annotations

import io
import logging
import math
import re
from dataclasses import dataclass, field
from html import escape

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.patches import Ellipse, FancyBboxPatch, Polygon

matplotlib.rcParams["text.parse_math"] = False  # labels are plain text (see ui.charts)

DEFAULT_LEAF = "#00703c"
TRUNK = "#6f4e37"
ROOT = "#8a6a4f"
TEXT = "#0b0c0c"
HIDDEN_MARK = "?macs-shape"
NOT_REVIEWED = "#b1b4b6"  # GOV.UK mid-grey: a leaf the review has not judged yet


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
    """A labelled element of the tree. `href` makes it a link in SVG."""

    label: str
    short: str = ""
    href: str = ""
    colour: str = ""
    description: str = ""


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


def _link(artist, item_href: str, hidden: bool = False) -> None:
    if item_href:
        artist.set_url(item_href + (HIDDEN_MARK if hidden else ""))


def _text(ax, x, y, s, *, size=9, weight="normal", href="", ha="center", colour=TEXT, **kw):
    t = ax.text(
        x,
        y,
        s,
        ha=ha,
        va="center",
        fontsize=size,
        fontweight=weight,
        color=colour,
        **kw,
    )
    _link(t, href)
    return t


def _figure(spec: TreeSpec):
    fig = plt.figure(figsize=(12, 9), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 120)
    ax.set_ylim(0, 90)
    ax.axis("off")

    # Trunk: the resources.
    ax.add_patch(Polygon([(55, 18), (65, 18), (63, 46), (57, 46)], closed=True, color=TRUNK))
    _text(ax, 60, 32, "Trunk:\nresources", size=9, weight="bold", colour="#ffffff")
    for i, item in enumerate(spec.trunk):
        _text(
            ax,
            67,
            21 + (len(spec.trunk) - 1 - i) * 3.6,
            item.short or item.label,
            size=7.5,
            ha="left",
            href=item.href,
        )

    # Roots: the principles, spread under the trunk.
    n = max(len(spec.roots), 1)
    for i, item in enumerate(spec.roots):
        x = 12 + i * (96 / max(n - 1, 1)) if n > 1 else 60
        y = 7 if i % 2 == 0 else 11
        ax.plot([60, (60 + x) / 2, x], [18, 14, y + 1.5], color=ROOT, linewidth=3, zorder=1)
        box = FancyBboxPatch(
            (x - 8.5, y - 2.6),
            17,
            4.2,
            boxstyle="round,pad=0.3",
            facecolor="#f3f2f1",
            edgecolor=ROOT,
            zorder=2,
        )
        ax.add_patch(box)
        _link(box, item.href, hidden=True)
        _text(ax, x, y - 0.5, item.short or item.label, size=7.5, href=item.href, zorder=3)
    _text(ax, 60, 2, "Roots: principles", size=9, weight="bold")

    # Branches and leaves: one branch per leaf group, fanned over the crown.
    groups = spec.leaf_groups
    g = max(len(groups), 1)
    for i, group in enumerate(groups):
        angle = math.pi * (0.9 - 0.8 * i / max(g - 1, 1)) if g > 1 else math.pi / 2
        cx, cy = 60 + 44 * math.cos(angle), 46 + 24 * math.sin(angle)
        ax.plot([60, (60 + cx) / 2, cx], [46, (46 + cy) / 2 + 3, cy - 4], color=TRUNK, linewidth=4)
        _text(ax, cx, cy + 9, group.name, size=10, weight="bold", href=group.href)
        k = len(group.leaves)
        for j, leaf in enumerate(group.leaves):
            lx = cx + (j - (k - 1) / 2) * 7.2
            ly = cy + (1.5 if j % 2 else -1.5)
            shape = Ellipse(
                (lx, ly),
                6.8,
                5.2,
                facecolor=leaf.colour or DEFAULT_LEAF,
                edgecolor="#ffffff",
            )
            ax.add_patch(shape)
            _link(shape, leaf.href, hidden=True)
            _text(
                ax,
                lx,
                ly,
                leaf.short or leaf.label,
                size=8.5,
                weight="bold",
                href=leaf.href,
                colour=text_on(leaf.colour or DEFAULT_LEAF),
            )
    for i, item in enumerate(spec.branches):
        _text(
            ax,
            2,
            44 - i * 3.4,
            item.short or item.label,
            size=7.5,
            ha="left",
            href=item.href,
        )
    if spec.branches:
        _text(ax, 2, 48, "Branches: activities", size=9, weight="bold", ha="left")

    # Birds: the impacts, across the sky.
    b = max(len(spec.birds), 1)
    for i, item in enumerate(spec.birds):
        x = 12 + i * (96 / max(b - 1, 1)) if b > 1 else 60
        y = 86 if i % 2 == 0 else 83.5
        ax.plot([x - 2.2, x - 0.8, x], [y + 0.8, y + 1.2, y], color="#1d70b8", linewidth=2)
        ax.plot([x, x + 0.8, x + 2.2], [y, y + 1.2, y + 0.8], color="#1d70b8", linewidth=2)
        _text(ax, x, y - 1.8, item.short or item.label, size=7.5, href=item.href)
    if spec.birds:
        _text(ax, 113, 89, "Birds: impacts", size=9, weight="bold")
    return fig


def draw_tree(spec: TreeSpec, fmt: str = "svg") -> bytes:
    """Render `spec` as "svg" (links, real text, stable bytes) or "png" (150 dpi)."""
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
