"""A priority's own tree, drawn by the framework's tree function: the overall change as the
birds, outcomes per target group as leaves (coloured by the latest progress review),
activities as branches, resources as the trunk and the principle reflections as roots."""

from __future__ import annotations

from django.urls import reverse

from framework.tree import LeafGroup, TreeItem, TreeSpec

from .models import Priority, ProgressUpdate
from .selectors import LogicModel

PROGRESS_COLOURS = {
    ProgressUpdate.Status.ON_TRACK: "#00703c",
    ProgressUpdate.Status.CONCERNS: "#ffdd00",
    ProgressUpdate.Status.OFF_TRACK: "#d4351c",
}


# Every item needs its own address: the drawing names each link by its address.
def priority_tree_spec(priority: Priority, model: LogicModel, partnership_slug: str) -> TreeSpec:
    def step(number: int) -> str:
        return reverse("planning:step", args=[partnership_slug, priority.pk, number])

    return TreeSpec(
        title=f"Priority: {priority.title}",
        birds=[
            TreeItem(
                label=f"Overall change: {priority.overall_change}",
                short=priority.overall_change,
                href=step(1),
            )
        ]
        if priority.overall_change
        else [],
        leaf_groups=[
            LeafGroup(
                name=group,
                href=f"{step(2)}#group-{index}",
                leaves=[
                    TreeItem(
                        label=f"{o.get_term_display()} outcome: {o.text}"
                        + (f" ({o.latest.get_status_display()})" if o.latest else ""),
                        short=o.text,
                        href=reverse(
                            "planning:progress", args=[partnership_slug, priority.pk, o.pk]
                        ),
                        colour=PROGRESS_COLOURS.get(o.latest.status, "") if o.latest else "",
                        # The words for the colour, so colour is never the only cue.
                        note=o.latest.get_status_display() if o.latest else "Not reviewed yet",
                    )
                    for o in outcomes
                ],
            )
            for index, (group, outcomes) in enumerate(model.groups.items())
            if outcomes
        ],
        branches=[
            TreeItem(
                label=f"Activity: {a.title}",
                short=a.title,
                href=reverse("planning:activity", args=[partnership_slug, priority.pk, a.pk]),
            )
            for a in model.activities
        ],
        trunk=[
            TreeItem(
                label=f"Resource: {r.get_kind_display()}: {r.description}",
                short=f"{r.get_kind_display()}: {r.description}",
                href=f"{step(4)}#resource-{r.pk}",
            )
            for a in model.activities
            for r in a.resource_list
        ],
        roots=[
            TreeItem(
                label=f"Principle {r.principle.number}: {r.principle.label}: {r.text}",
                short=r.principle.label,
                href=f"{step(5)}#id_principle_{r.principle.number}",
            )
            for r in model.reflections
        ],
    )
