"""QR codes as inline SVG, made in Python (segno): no script, no external reference. The page
wraps each in an element with role="img" and a label; the SVG itself is hidden from screen
readers."""

from __future__ import annotations

import segno


def qr_svg(text: str, *, scale: int = 4) -> str:
    svg = segno.make(text, error="m").svg_inline(scale=scale, dark="#0b0c0c", light="#ffffff")
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
