"""Build the MACS tree's `TreeSpec` from an edition, with links into a partnership's pages."""

from __future__ import annotations

from django.core.cache import cache
from django.urls import reverse

from .models import Edition
from .selectors import categories_with_outcomes
from .tree import NOT_REVIEWED, LeafGroup, TreeItem, TreeSpec, draw_tree

NOT_ASSESSED = "Not yet assessed"  # the key's words for a leaf the review has not judged


def macs_tree_spec(
    edition: Edition,
    partnership_slug: str,
    leaf_colours: dict[str, str] | None = None,
    leaf_notes: dict[str, str] | None = None,
) -> TreeSpec:
    """The MACS TOC tree. `leaf_colours` maps outcome codes to colours (e.g. by rating) and
    `leaf_notes` to the words that say the same, so colour is never the only cue."""
    colours = leaf_colours or {}
    notes = leaf_notes or {}
    # Coloured by a review: an outcome it has not judged is grey, never the leaf's own green.
    unjudged = NOT_REVIEWED if leaf_colours is not None else ""
    unjudged_note = NOT_ASSESSED if leaf_colours is not None else ""

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
                        label=f"{o.code} {o.short_name}"
                        + (f": {notes.get(o.code, unjudged_note)}" if unjudged_note else ""),
                        short=o.code,
                        href=f"{href}#outcome-{o.code}",
                        colour=colours.get(o.code, unjudged),
                        note=notes.get(o.code, unjudged_note),
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
                short=i.text,
                href=part("impacts", i.number),
            )
            for i in edition.impact_set.order_by("number")
        ],
        leaf_groups=groups,
        branches=[
            TreeItem(
                label=f"Activity {a.number}: {a.text}",
                short=_cap(a.text),
                href=part("activities", a.number),
            )
            for a in edition.indicativeactivity_set.order_by("number")
        ],
        trunk=[
            TreeItem(
                label=f"Resource {r.number}: {r.text}",
                short=_cap(r.text),
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


def cached_tree(edition: Edition, partnership_slug: str, fmt: str) -> bytes:
    """The plain (uncoloured) MACS tree, drawn once per edition, partnership and format."""
    key = f"macs-tree:{edition.content_hash}:{partnership_slug}:{fmt}"
    data = cache.get(key)
    if data is None:
        data = draw_tree(macs_tree_spec(edition, partnership_slug), fmt)
        cache.set(key, data, timeout=24 * 3600)
    return data
