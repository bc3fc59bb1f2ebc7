"""Build the MACS tree's `TreeSpec` from an edition, with links into a partnership's pages."""

from __future__ import annotations

from django.core.cache import cache
from django.urls import reverse

from .models import Edition
from .selectors import categories_with_outcomes
from .tree import NOT_REVIEWED, LeafGroup, TreeItem, TreeSpec, draw_tree


def macs_tree_spec(
    edition: Edition, partnership_slug: str, leaf_colours: dict[str, str] | None = None
) -> TreeSpec:
    """The MACS TOC tree. `leaf_colours` maps outcome codes to colours (e.g. by rating)."""
    colours = leaf_colours or {}
    # Coloured by a review: an outcome it has not judged is grey, never the leaf's own green.
    unjudged = NOT_REVIEWED if leaf_colours is not None else ""

    def part(name: str, number: int) -> str:
        return reverse("framework:part_detail", args=[partnership_slug, name, number])

    groups = []
    for category in categories_with_outcomes(edition):
        href = reverse("framework:category", args=[partnership_slug, category.number])
        groups.append(
            LeafGroup(
                name=category.name,
                href=href,
                leaves=[
                    TreeItem(
                        label=f"{o.code} {o.short_name}",
                        short=o.code,
                        href=f"{href}#outcome-{o.code}",
                        colour=colours.get(o.code, unjudged),
                    )
                    for o in category.outcomes.all()
                ],
            )
        )
    return TreeSpec(
        title="The MACS theory of change tree",
        birds=[
            TreeItem(
                label=f"Impact {i.number}: {i.text}",
                short=f"Impact {i.number}",
                href=part("impacts", i.number),
            )
            for i in edition.impact_set.order_by("number")
        ],
        leaf_groups=groups,
        branches=[
            TreeItem(
                label=f"Activity {a.number}: {a.text}",
                short=_clip(a.text, 38),
                href=part("activities", a.number),
            )
            for a in edition.indicativeactivity_set.order_by("number")
        ],
        trunk=[
            TreeItem(
                label=f"Resource {r.number}: {r.text}",
                short=_clip(r.text, 34),
                href=part("resources", r.number),
            )
            for r in edition.indicativeresource_set.order_by("number")
        ],
        roots=[
            TreeItem(
                label=f"Principle {p.number}: {p.label}",
                short=p.label,
                href=part("principles", p.number),
            )
            for p in edition.principle_set.order_by("number")
        ],
    )


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _clip(text: str, length: int) -> str:
    """The first words of `text`, up to `length` characters. No ellipsis: the visible words
    must be the start of the link's accessible name (WCAG 2.5.3, label in name)."""
    text = _cap(text.rstrip("."))
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0]


def cached_tree(edition: Edition, partnership_slug: str, fmt: str) -> bytes:
    """The plain (uncoloured) MACS tree, drawn once per edition, partnership and format."""
    key = f"macs-tree:{edition.content_hash}:{partnership_slug}:{fmt}"
    data = cache.get(key)
    if data is None:
        data = draw_tree(macs_tree_spec(edition, partnership_slug), fmt)
        cache.set(key, data, timeout=24 * 3600)
    return data
