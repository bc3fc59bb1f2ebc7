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
    # Two real drawings (not the remembered one): the same figures give the same bytes.
    first, second = line_chart.__wrapped__(**args), line_chart.__wrapped__(**args)
    assert first == second
    assert line_chart(**args) == first
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
    # Drawn as typed, as text in the chart's one font: mathematics would split "x" and "2"
    # into separate pieces, the "x" in an italic face.
    assert b">$x^2$</text>" in svg
    assert b">$a$</text>" in svg
    assert b"italic" not in svg
    assert set(re.findall(rb"font-family: ([^;]+);", svg)) == {
        b"'Liberation Sans', 'Arial', 'DejaVu Sans'"
    }


def test_a_chart_is_drawn_once_for_the_same_figures_and_anew_for_others(monkeypatch):
    from ui import charts

    drawn = []
    real = charts._finish
    monkeypatch.setattr(charts, "_finish", lambda *a, **k: drawn.append(1) or real(*a, **k))
    args = {"title": "Once", "x_labels": ["a", "b"], "series": [Series("Local", [1.0, 2.0])]}
    first = line_chart(**args)
    assert line_chart(**args) == first
    assert len(drawn) == 1
    other = line_chart(**{**args, "series": [Series("Local", [1.0, 3.0])]})
    assert other != first
    assert len(drawn) == 2
    both = line_chart(**args, fmt=charts.BOTH)
    assert both[0] == first
    assert both[1].startswith(b"\x89PNG")
