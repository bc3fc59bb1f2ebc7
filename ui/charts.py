"""Charts: one function per kind, the same picture for the page (SVG), the PDF (SVG) and Word
(PNG). Deterministic output (fixed hash salt, no date) so files are stable between runs.

Every chart on a page has its data as a table beside it; colour is never the only cue (line
styles and markers differ, and the legend names each series).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

# GOV.UK palette, in an order that stays distinguishable for common colour blindness.
COLOURS = ["#1d70b8", "#d4351c", "#00703c", "#6f72af", "#f47738", "#505a5f"]
STYLES = ["-", "--", "-.", ":", (0, (3, 1, 1, 1)), (0, (5, 2))]
MARKERS = ["o", "s", "^", "D", "v", "P"]


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | None]  # one per x label; None is a gap


def line_chart(
    *,
    title: str,
    x_labels: list[str],
    series: list[Series],
    unit: str = "",
    target: float | None = None,
    fmt: str = "svg",
) -> bytes:
    """A line chart of series over periods, with an optional target line."""
    plt.rcParams["svg.hashsalt"] = "macs"
    plt.rcParams["font.family"] = ["Liberation Sans", "Arial", "DejaVu Sans"]
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
    ax.set_title(title, loc="left", fontsize=11)
    ax.grid(axis="y", color="#b1b4b6", linewidth=0.5)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    plt.close(fig)
    return out.getvalue()


def inline_svg(svg: bytes) -> str:
    """The SVG element alone (no XML prolog), hidden from screen readers: the page gives the
    chart a text alternative and a data table beside it."""
    text = svg.decode("utf-8")
    text = text[text.index("<svg") :]
    return text.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
