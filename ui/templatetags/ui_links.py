"""`{% link %}`: `{% url %}` for the page furniture (header, menu, footer) drawn on every page.

The same two dozen addresses are reversed on every request; reversing costs tens of
microseconds each, so they are remembered (per script prefix, name and arguments)."""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.urls import get_script_prefix, reverse

register = template.Library()


@lru_cache(maxsize=4096)
def _reverse(prefix: str, viewname: str, args: tuple[str, ...]) -> str:  # noqa: ARG001
    # `prefix` (the script prefix reverse() reads) is in the cache key: no stale addresses
    return reverse(viewname, args=args)


@register.simple_tag
def link(viewname: str, *args) -> str:
    """The address of `viewname` with `args`, as `{% url %}` gives it."""
    return _reverse(get_script_prefix(), viewname, tuple(str(a) for a in args))
