"""Small text helpers shared by apps that add to what people wrote."""

from __future__ import annotations


def with_paragraph(existing: str, paragraph: str) -> str:
    """`existing` with `paragraph` added after a blank line (or `paragraph` alone)."""
    return f"{existing.rstrip()}\n\n{paragraph}" if existing.strip() else paragraph
