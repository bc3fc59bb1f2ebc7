"""Charts: one function per kind, the same picture for the page (SVG), the PDF (SVG) and Word
(PNG). Deterministic output (fixed hash salt, no date) so files are stable between runs.

Every chart on a page has its data as a table beside it; colour is never the only cue (line
styles and markers differ, and the legend names each series).
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import wraps

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

# Labels are people's words: "$" (a budget line, "£2m-$3m") must never be read as mathematics,
# which would garble the label or stop the chart (and the report with it) with a parse error.
matplotlib.rcParams["text.parse_math"] = False

# GOV.UK palette, in an order that stays distinguishable for common colour blindness.
COLOURS = ["#1d70b8", "#d4351c", "#00703c", "#6f72af", "#f47738", "#505a5f"]
STYLES = ["-", "--", "-.", ":", (0, (3, 1, 1, 1)), (0, (5, 2))]
MARKERS = ["o", "s", "^", "D", "v", "P"]


CHARTS_KEPT = 256  # pictures each server process keeps (a yearly report has a few dozen)
_drawn: OrderedDict[str, object] = OrderedDict()
_drawn_lock = threading.Lock()


def forget_charts() -> None:
    """Draw every chart anew from now on (for the benchmark's first-time figures)."""
    with _drawn_lock:
        _drawn.clear()


def remembered(draw):
    """Keep a chart's bytes in this process under a hash of everything it is drawn from.
    Drawing is most of the cost of a yearly report (a monitor's chart takes about a tenth of a
    second), and the same report is assembled for its preview, its Word file, its PDF and its
    sign-off; the same figures always give the same picture, so it is drawn once. Kept in
    memory rather than the shared cache, so reading one costs no database query."""

    @wraps(draw)
    def wrapped(**arguments):
        key = hashlib.sha256(repr((draw.__name__, sorted(arguments.items()))).encode()).digest()
        with _drawn_lock:
            if key in _drawn:
                _drawn.move_to_end(key)
                return _drawn[key]
        found = draw(**arguments)
        with _drawn_lock:
            _drawn[key] = found
            while len(_drawn) > CHARTS_KEPT:
                _drawn.popitem(last=False)
        return found

    return wrapped


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | None]  # one per x label; None is a gap
    colour: str = ""  # a colour the series keeps everywhere (a rating level's); else the palette


@remembered
def line_chart(
    *,
    title: str,
    x_labels: list[str],
    series: list[Series],
    unit: str = "",
    target: float | None = None,
    fmt: str | tuple[str, ...] = "svg",
) -> bytes | tuple[bytes, ...]:
    """A line chart of series over periods, with an optional target line."""
    _style()
    fig, ax = plt.subplots(figsize=(7.5, 3.8), dpi=150)
    positions = list(range(len(x_labels)))
    for index, s in enumerate(series):
        points = [(x, v) for x, v in zip(positions, s.values, strict=False) if v is not None]
        if not points:
            continue
        xs, ys = zip(*points, strict=False)
        ax.plot(
            xs,
            ys,
            label=s.name,
            color=COLOURS[index % len(COLOURS)],
            linestyle=STYLES[index % len(STYLES)],
            marker=MARKERS[index % len(MARKERS)],
            linewidth=2,
        )
    if target is not None:
        ax.axhline(
            target,
            color="#0b0c0c",
            linewidth=1,
            linestyle=(0, (2, 2)),
            label=f"Target ({target:g})",
        )
    ax.set_xticks(positions, x_labels)
    ax.set_ylabel(unit)
    ax.grid(axis="y", color="#b1b4b6", linewidth=0.5)
    return _finish(fig, ax, title, fmt)


def _style() -> None:
    plt.rcParams["svg.hashsalt"] = "macs"
    # Text as text, not glyph outlines: smaller files that a PDF renders several times faster,
    # and words a reader can select and search (the fonts are on every page that shows them).
    plt.rcParams["svg.fonttype"] = "none"
    plt.rcParams["font.family"] = ["Liberation Sans", "Arial", "DejaVu Sans"]


BOTH = ("svg", "png")
"""`fmt=BOTH`: the page's SVG and Word's PNG from one drawing (a document needs both; laying a
chart out is most of its cost, so it is done once)."""


def _finish(fig, ax, title: str, fmt: str | tuple[str, ...]) -> bytes | tuple[bytes, ...]:
    """Title, legend and frame as every chart has them; then the bytes, byte-stable for SVG:
    one format's bytes, or a tuple of bytes for a tuple of formats."""
    ax.set_title(title, loc="left", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    found = []
    for one in (fmt,) if isinstance(fmt, str) else fmt:
        out = io.BytesIO()
        fig.savefig(out, format=one, metadata={"Date": None} if one == "svg" else None)
        found.append(out.getvalue())
    plt.close(fig)
    return found[0] if isinstance(fmt, str) else tuple(found)


def inline_svg(svg: bytes) -> str:
    """The SVG element alone (no XML prolog), hidden from screen readers: the page gives the
    chart a text alternative and a data table beside it."""
    text = svg.decode("utf-8")
    text = text[text.index("<svg") :]
    return text.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


@dataclass(frozen=True)
class Segment:
    name: str
    values: list[float | None]  # a percentage per bar; None: not published (bar left out)
    side: int  # -1 drawn left of zero (negative answers), 0 centred (neutral), 1 right


HATCHES = ["", "//", "..", "\\\\", "xx", "--"]


def _diverging_layout(
    segments: list[Segment], complete: list[bool]
) -> list[tuple[list[float], list[float]]]:
    """Each segment's bar widths and starts: the neutral answer centred on zero, positive
    answers stacked rightwards after it and negative ones leftwards. An incomplete bar is 0."""
    right = [0.0] * len(complete)
    left = [0.0] * len(complete)
    for s in segments:
        if s.side == 0:
            for i, v in enumerate(s.values):
                if complete[i]:
                    right[i] += v / 2
                    left[i] += v / 2
    layout = []
    for s in segments:
        widths = [v if complete[i] else 0.0 for i, v in enumerate(s.values)]
        starts = []
        for i, v in enumerate(widths):
            if s.side == 0:
                starts.append(-v / 2)
            elif s.side > 0:
                starts.append(right[i])
                right[i] += v
            else:
                left[i] += v
                starts.append(-left[i])
        layout.append((widths, starts))
    return layout


@remembered
def diverging_bars(
    *, title: str, labels: list[str], segments: list[Segment], fmt: str = "svg"
) -> bytes:
    """Diverging stacked bars of percentages per label: positive answers right of zero,
    negative left, a neutral answer split across zero. Segments differ by hatching as well as
    colour. A bar with any value not published is drawn empty and marked "not shown"."""
    _style()
    height = max(2.2, 0.42 * len(labels) + 1.4)
    fig, ax = plt.subplots(figsize=(8, height), dpi=150)
    positions = list(range(len(labels)))[::-1]
    palette = {-1: ["#d4351c", "#f47738"], 0: ["#b1b4b6"], 1: ["#1d70b8", "#5694ca"]}
    used = {-1: 0, 0: 0, 1: 0}
    complete = [all(s.values[i] is not None for s in segments) for i in range(len(labels))]
    for index, (s, (widths, starts)) in enumerate(
        zip(segments, _diverging_layout(segments, complete), strict=True)
    ):
        colour = palette[s.side][used[s.side] % len(palette[s.side])]
        used[s.side] += 1
        ax.barh(
            positions,
            widths,
            left=starts,
            color=colour,
            hatch=HATCHES[index % len(HATCHES)],
            edgecolor="white",
            linewidth=0.5,
            label=s.name,
        )
    for pos, ok in zip(positions, complete, strict=True):
        if not ok:
            ax.text(0, pos, "not shown", ha="center", va="center", fontsize=8)
    ax.axvline(0, color="#0b0c0c", linewidth=0.8)
    ax.set_yticks(positions, [label if len(label) < 60 else label[:57] + "…" for label in labels])
    ax.set_xlim(-100, 100)
    ax.set_xticks([-100, -50, 0, 50, 100], ["100%", "50%", "0", "50%", "100%"])
    return _finish(fig, ax, title, fmt)


@remembered
def bar_chart(
    *,
    title: str,
    labels: list[str],
    series: list[Series],
    unit: str = "",
    fmt: str | tuple[str, ...] = "svg",
) -> bytes | tuple[bytes, ...]:
    """Horizontal bars per label, one bar per series side by side (e.g. this year and last),
    told apart by hatching as well as colour. A None value draws no bar."""
    _style()
    height = max(2.2, 0.35 * len(labels) * max(1, len(series)) + 1.4)
    fig, ax = plt.subplots(figsize=(8, height), dpi=150)
    band = 0.8 / max(1, len(series))
    base = list(range(len(labels)))[::-1]
    for index, s in enumerate(series):
        positions = [p + 0.4 - band * (index + 0.5) for p in base]
        ax.barh(
            positions,
            [v or 0 for v in s.values],
            height=band,
            color=s.colour or COLOURS[index % len(COLOURS)],
            hatch=HATCHES[index % len(HATCHES)],
            edgecolor="white",
            linewidth=0.5,
            label=s.name,
        )
    ax.set_yticks(base, [label if len(label) < 50 else label[:47] + "…" for label in labels])
    ax.set_xlabel(unit)
    ax.grid(axis="x", color="#b1b4b6", linewidth=0.5)
    return _finish(fig, ax, title, fmt)
