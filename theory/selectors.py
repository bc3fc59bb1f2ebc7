"""Reading the partnership's theory of change."""

from __future__ import annotations

from django.db.models import Count, Prefetch

from framework.models import Outcome

from .models import Activity, Factor, Pathway, Resource, TheoryOfChange


def theory_list():
    return TheoryOfChange.objects.annotate(
        activity_count=Count("activities", distinct=True)
    ).order_by("-period")


def theory_for(partnership, period: str) -> TheoryOfChange | None:
    """The version a year works to: that year's, or else the latest before it."""
    return (
        TheoryOfChange.objects.filter(partnership=partnership, period__lte=period)
        .select_related("edition")
        .order_by("-period")
        .first()
    )


def latest_theory(partnership) -> TheoryOfChange | None:
    return (
        TheoryOfChange.objects.filter(partnership=partnership)
        .select_related("edition")
        .order_by("-period")
        .first()
    )


def theory_parts(theory: TheoryOfChange) -> dict:
    """Everything on a year's page, in a fixed number of queries."""
    pathways = Prefetch(
        "pathways", queryset=Pathway.objects.select_related("outcome").order_by("outcome__code")
    )
    return {
        "activities": Activity.objects.filter(theory=theory)
        .select_related("indicative")
        .prefetch_related(pathways, "resources"),
        "resources": Resource.objects.filter(theory=theory)
        .select_related("indicative")
        .prefetch_related("activities"),
        "enablers": Factor.objects.filter(theory=theory, kind=Factor.Kind.ENABLER).prefetch_related(
            "outcomes"
        ),
        "barriers": Factor.objects.filter(theory=theory, kind=Factor.Kind.BARRIER).prefetch_related(
            "outcomes"
        ),
    }


def activities_by_outcome(theory: TheoryOfChange) -> dict[int, list[str]]:
    """Outcome id -> the titles of this year's activities that lead to it."""
    found: dict[int, list[str]] = {}
    for outcome_id, title in (
        Pathway.objects.filter(activity__theory=theory)
        .order_by("activity__title")
        .values_list("outcome_id", "activity__title")
    ):
        found.setdefault(outcome_id, []).append(title)
    return found


def outcomes_without_activity(theory: TheoryOfChange) -> list[Outcome]:
    """The framework's outcomes none of this year's activities leads to: the gaps."""
    return list(
        Outcome.objects.filter(edition=theory.edition_id)
        .exclude(pk__in=Pathway.objects.filter(activity__theory=theory).values("outcome_id"))
        .order_by("category__number", "position")
    )
