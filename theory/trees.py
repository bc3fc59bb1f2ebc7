"""The partnership's own tree: the MACS tree with the partnership's activities as its branches
and its resources as its trunk, each linking to its page, and each outcome saying how many of
the partnership's activities lead to it (so a gap shows in words as well as on the page)."""

from __future__ import annotations

from dataclasses import replace

from django.db.models import Count
from django.urls import reverse

from framework.tree import DEFAULT_LEAF, TreeItem, TreeSpec
from framework.trees import macs_tree_spec

from .models import Activity, Pathway, Resource, TheoryOfChange

NO_ACTIVITY = "No activity yet"


def served_notes(theory: TheoryOfChange) -> dict[str, str]:
    counts = dict(
        Pathway.objects.filter(activity__theory=theory)
        .values_list("outcome__code")
        .annotate(n=Count("activity", distinct=True))
    )
    codes = theory.edition.outcomes.values_list("code", flat=True)
    return {
        code: (
            f"{counts[code]} {'activity' if counts[code] == 1 else 'activities'}"
            if code in counts
            else NO_ACTIVITY
        )
        for code in codes
    }


def with_own_branches(spec: TreeSpec, theory: TheoryOfChange, partnership_slug: str) -> TreeSpec:
    """`spec` (the MACS tree, perhaps coloured by a review) with this year's own activities
    and resources in place of the report's indicative ones."""

    def link(name: str, pk: int) -> str:
        return reverse(name, args=[partnership_slug, theory.pk, pk])

    return replace(
        spec,
        branches=[
            TreeItem(label=a.title, short=a.title, href=link("theory:activity", a.pk))
            for a in Activity.objects.filter(theory=theory)
        ],
        trunk=[
            TreeItem(label=r.title, short=r.title, href=link("theory:resource", r.pk))
            for r in Resource.objects.filter(theory=theory)
        ],
    )


def theory_tree_spec(theory: TheoryOfChange, partnership_slug: str) -> TreeSpec:
    """Leaves an activity leads to are green, the rest grey; each says which, in words."""
    notes = served_notes(theory)
    spec = macs_tree_spec(
        theory.edition,
        partnership_slug,
        leaf_colours={code: DEFAULT_LEAF for code, note in notes.items() if note != NO_ACTIVITY},
        leaf_notes=notes,
    )
    spec = replace(spec, title=f"Our theory of change {theory.period}")
    return with_own_branches(spec, theory, partnership_slug)
