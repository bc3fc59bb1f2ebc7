"""Printing published survey values: "c" for a hidden one, whole-number percentages."""

from __future__ import annotations

from django import template

from ..groups import group_minimum
from ..statistics import HIDDEN, a6_text

register = template.Library()


@register.filter
def count(shown) -> str:
    return HIDDEN if shown.hidden else str(shown.count)


@register.filter
def pct(shown) -> str:
    if shown.hidden:
        return HIDDEN
    return "–" if shown.percent is None else f"{shown.whole}%"


register.filter("a6", a6_text)


@register.filter
def signed(points) -> str:
    if points is None:
        return "–"
    return f"+{points}" if points > 0 else str(points)


@register.filter
def get_item(mapping, key):
    """A dict's value or an object's attribute by a variable name."""
    if isinstance(mapping, dict):
        return mapping.get(key)
    return getattr(mapping, key)


@register.filter(name="group_minimum")
def group_minimum_filter(minimum: int) -> int:
    return group_minimum(minimum)
