"""Links to many objects of one kind at once, for long lists and tables."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.urls import reverse


def link_each(objects: Iterable, viewname: str, args: Sequence, *, attribute: str = "url") -> None:
    """Set `attribute` on each object to the URL `viewname` with `args` and then its primary key.

    Django's reverse() costs tens of microseconds, a few milliseconds over a table of a hundred
    rows; the URL is reversed once, with a placeholder for the key, which is then filled in. The
    key is the URL's last argument."""
    placeholder = 987654321
    head, found, tail = reverse(viewname, args=[*args, placeholder]).rpartition(f"/{placeholder}")
    if not found:
        raise ValueError(f"{viewname}: the key does not appear in the URL as given")
    for item in objects:
        setattr(item, attribute, f"{head}/{item.pk}{tail}")
