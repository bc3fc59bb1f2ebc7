"""Reads for priorities: the list, and one priority's logic model in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch

from framework.models import Principle

from .models import Activity, Priority, PriorityOutcome, ProgressUpdate, Reflection


def priority_list():
    return Priority.objects.annotate(
        outcome_count=Count("outcomes", distinct=True),
        activity_count=Count("activities", distinct=True),
    ).order_by("title")


@dataclass
class LogicModel:
    priority: Priority
    outcomes: list[PriorityOutcome]
    activities: list[Activity]
    reflections: list[Reflection]
    principles: list[Principle]
    groups: dict[str, list[PriorityOutcome]] = field(default_factory=dict)

    @property
    def principle_count(self) -> int:
        return len(self.principles)


def logic_model(priority: Priority) -> LogicModel:
    """Everything the tree, the table and the Word file need (8 queries)."""
    latest = Prefetch(
        "updates", queryset=ProgressUpdate.objects.order_by("-date", "-pk"), to_attr="update_list"
    )
    outcomes = list(
        priority.outcomes.prefetch_related("framework_outcomes", "indicators", "monitors", latest)
    )
    activities = list(
        priority.activities.prefetch_related(
            Prefetch("pathways", to_attr="pathway_list"),
            Prefetch("resources", to_attr="resource_list"),
        )
    )
    by_id = {o.pk: o for o in outcomes}
    for activity in activities:
        for pathway in activity.pathway_list:
            pathway.outcome = by_id[pathway.outcome_id]
    groups: dict[str, list[PriorityOutcome]] = {g: [] for g in priority.target_group_list()}
    for outcome in outcomes:
        outcome.latest = outcome.update_list[0] if outcome.update_list else None
        groups.setdefault(outcome.target_group, []).append(outcome)
    return LogicModel(
        priority=priority,
        outcomes=outcomes,
        activities=activities,
        reflections=list(priority.reflections.select_related("principle")),
        principles=list(Principle.objects.filter(edition=priority.edition).order_by("number")),
        groups=groups,
    )


def priorities_serving(outcome) -> list[tuple[Priority, list[PriorityOutcome]]]:
    """Priorities with outcomes linked to a framework outcome, each outcome with its progress
    reviews newest first in `update_list` (for reviews; 2 queries)."""
    found: dict[int, tuple[Priority, list]] = {}
    latest = Prefetch(
        "updates", queryset=ProgressUpdate.objects.order_by("-date", "-pk"), to_attr="update_list"
    )
    linked = PriorityOutcome.objects.filter(framework_outcomes=outcome).select_related("priority")
    for o in linked.prefetch_related(latest):
        found.setdefault(o.priority_id, (o.priority, []))[1].append(o)
    return list(found.values())
