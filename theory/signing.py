"""What partners sign when they agree a year's theory of change: all of it, frozen when
sign-off is asked, and the plain summary a signer reads first. Parts are keyed by lineage, so
`changes` compares two sign-off versions of one year and also one year with the year before."""

from __future__ import annotations

from .models import Activity, Factor, Resource, TheoryOfChange


def freeze(theory: TheoryOfChange) -> dict:
    activities = Activity.objects.filter(theory=theory).prefetch_related("pathways__outcome")
    resources = Resource.objects.filter(theory=theory).prefetch_related("activities")
    factors = Factor.objects.filter(theory=theory).prefetch_related("outcomes")
    return {
        "kind": "theory of change",
        "title": f"Our theory of change {theory.period}",
        "partnership": theory.partnership.name,
        "period": theory.period,
        "context": theory.context,
        "activities": [
            {
                "id": str(a.lineage),
                "title": a.title,
                "description": a.description,
                "delivered_by": a.delivered_by,
                "pathways": [
                    {"outcome": p.outcome.code, "name": p.outcome.short_name, "because": p.because}
                    for p in sorted(a.pathways.all(), key=lambda p: _code_key(p.outcome.code))
                ],
            }
            for a in activities
        ],
        "resources": [
            {
                "id": str(r.lineage),
                "title": r.title,
                "description": r.description,
                "provided_by": r.provided_by,
                "activities": sorted(a.title for a in r.activities.all()),
            }
            for r in resources
        ],
        "factors": [
            {
                "id": str(f.lineage),
                "kind": f.get_kind_display(),
                "text": f.text,
                "response": f.response,
                "outcomes": sorted((o.code for o in f.outcomes.all()), key=_code_key),
            }
            for f in factors
        ],
    }


def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(part) for part in code.split(".") if part.isdigit())


def summary(content: dict) -> list[str]:
    pathways = sum(len(a["pathways"]) for a in content["activities"])
    outcomes = {p["outcome"] for a in content["activities"] for p in a["pathways"]}
    barriers = sum(1 for f in content["factors"] if f["kind"] == "Barrier")
    return [
        f"{len(content['activities'])} activities with {pathways} pathways, each with its "
        "“because”.",
        f"{len(outcomes)} of the 16 outcomes served by at least one activity.",
        f"{len(content['resources'])} resources.",
        f"{len(content['factors']) - barriers} enablers and {barriers} barriers.",
    ]


def changes(old: dict, new: dict) -> list[str]:
    """What changed between two versions, in plain words."""
    lines = (
        ["What is particular about our area changed."] if old["context"] != new["context"] else []
    )
    for kind, label, name in (
        ("activities", "Activity", "title"),
        ("resources", "Resource", "title"),
        ("factors", "Enabler or barrier", "text"),
    ):
        before = {row["id"]: row for row in old[kind]}
        after = {row["id"]: row for row in new[kind]}
        lines += [f"{label} added: “{after[i][name]}”." for i in after.keys() - before.keys()]
        lines += [f"{label} removed: “{before[i][name]}”." for i in before.keys() - after.keys()]
        lines += [
            f"{label} changed: “{after[i][name]}”."
            for i in before.keys() & after.keys()
            if before[i] != after[i]
        ]
    return sorted(lines, key=lambda line: (not line.startswith("What"), line))
