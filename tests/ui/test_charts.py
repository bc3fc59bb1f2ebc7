"""The one chart function: deterministic SVG, PNG for Word, gaps and targets."""

import re

from ui.charts import Series, inline_svg, line_chart


def test_line_chart_svg_is_byte_stable_and_inlines_cleanly():
    args = {
        "title": "Re-referrals",
        "x_labels": ["2022-23", "2023-24", "2024-25"],
        "series": [Series("Local", [22.4, None, 20.7]), Series("England", [21.6, 22.4, 22.1])],
        "unit": "%",
        "target": 20,
    }
    first, second = line_chart(**args), line_chart(**args)
    assert first == second
    svg = inline_svg(first)
    assert svg.startswith('<svg aria-hidden="true" focusable="false" ')
    assert "<script" not in svg


def test_line_chart_png_for_word():
    png = line_chart(title="x", x_labels=["a"], series=[Series("Local", [1.0])], fmt="png")
    assert png.startswith(b"\x89PNG")


def test_dollar_signs_in_labels_are_text_not_mathematics():
    from ui.charts import bar_chart

    labels = ["Spend in $ (US grant)", "Budget $x^2$ line", "Unpaired $5 and $"]
    for fmt in ("svg", "png"):
        picture = bar_chart(
            title="Costs in $ and £",
            labels=labels,
            series=[Series("2025-26", [1.0, 2.0, 3.0])],
            fmt=fmt,
        )
        assert picture
    svg = line_chart(title="$x^2$", x_labels=["$a$", "b"], series=[Series("$", [1.0, 2.0])])
    # Drawn as typed, in the chart's one font: mathematics would set "x" in an italic face.
    glyphs = set(re.findall(rb'xlink:href="#([A-Za-z]+)-[0-9a-f]+"', svg))
    assert glyphs == {b"LiberationSans"}
