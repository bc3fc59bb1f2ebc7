"""What a partner signs when they agree a priority: the whole plan of the five steps, frozen
when sign-off is asked, and the plain summary a signer reads first."""

from __future__ import annotations

from .models import Activity, Priority, PriorityOutcome


def freeze(priority: Priority) -> dict:
    outcomes = PriorityOutcome.objects.filter(priority=priority).prefetch_related(
        "framework_outcomes", "indicators", "monitors"
    )
    activities = (
        Activity.objects.filter(priority=priority)
        .select_related("from_theory")
        .prefetch_related("resources__from_theory", "pathways__outcome")
    )
    return {
        "kind": "priority",
        "title": priority.title,
        "partnership": priority.partnership.name,
        "issue": priority.issue,
        "target_groups": priority.target_group_list(),
        "overall_change": priority.overall_change,
        "principles_influence": priority.principles_influence,
        "context": priority.context,
        "outcomes": [
            {
                "id": o.pk,
                "target_group": o.target_group,
                "term": o.get_term_display(),
                "text": o.text,
                "on_course": o.on_course,
                "framework_outcomes": sorted(f.code for f in o.framework_outcomes.all()),
                "indicators": sorted(i.code for i in o.indicators.all()),
                "monitors": sorted(m.name for m in o.monitors.all()),
            }
            for o in sorted(outcomes, key=lambda o: o.pk)
        ],
        "activities": [
            {
                "id": a.pk,
                "title": a.title,
                "key_features": a.key_features,
                "delivered_by": a.delivered_by,
                "duration": a.duration,
                **_from_theory(a),
                "pathways": [
                    {"outcome": p.outcome.text, "because": p.because}
                    for p in sorted(a.pathways.all(), key=lambda p: p.pk)
                ],
                "resources": [
                    {
                        "kind": r.get_kind_display(),
                        "description": r.description,
                        "provided_by": r.provided_by,
                        "secured": r.secured,
                        **_from_theory(r),
                    }
                    for r in sorted(a.resources.all(), key=lambda r: r.pk)
                ],
            }
            for a in sorted(activities, key=lambda a: a.pk)
        ],
        "reflections": [
            {"principle": r.principle.label, "text": r.text}
            for r in priority.reflections.select_related("principle").order_by("principle__number")
        ],
    }


def _from_theory(part) -> dict:
    """Which of the partnership's own activities or resources a part reuses, if any (absent
    otherwise, so versions signed before reuse existed read the same)."""
    return {"from_theory": part.from_theory.title} if part.from_theory_id else {}


def summary(content: dict) -> list[str]:
    pathways = sum(len(a["pathways"]) for a in content["activities"])
    unsecured = sum(1 for a in content["activities"] for r in a["resources"] if not r["secured"])
    return [
        f"{len(content['outcomes'])} outcomes for {len(content['target_groups']) or 'no'} "
        "target groups.",
        f"{len(content['activities'])} activities with {pathways} pathways, each with its "
        "“because”.",
        f"{unsecured} resources not yet secured.",
        f"Reflections on {len(content['reflections'])} of the six principles.",
    ]


def changes(old: dict, new: dict) -> list[str]:
    """What changed between two versions of a plan, in plain words."""
    lines = [
        f"{label} changed."
        for field, label in (
            ("issue", "The issue"),
            ("target_groups", "Who is affected"),
            ("overall_change", "The change hoped for"),
            ("context", "The context"),
            ("principles_influence", "How the principles shape the choice"),
        )
        if old[field] != new[field]
    ]
    for kind, label, name in (("outcomes", "Outcome", "text"), ("activities", "Activity", "title")):
        before = {row["id"]: row for row in old[kind]}
        after = {row["id"]: row for row in new[kind]}
        lines += [f"{label} added: “{after[i][name]}”." for i in after.keys() - before.keys()]
        lines += [f"{label} removed: “{before[i][name]}”." for i in before.keys() - after.keys()]
        lines += [
            f"{label} changed: “{after[i][name]}”."
            for i in before.keys() & after.keys()
            if before[i] != after[i]
        ]
    if old["reflections"] != new["reflections"]:
        lines.append("Reflections on the principles changed.")
    return lines
