"""What a partner signs when they sign a review: every rating, judgement and evidence reference,
frozen when sign-off is asked (`freeze`), and the plain summary a signer reads first."""

from __future__ import annotations

from framework.models import RatingLevel

from .models import OutcomeJudgement, Rating, Review


def _evidence(assessment) -> list[dict]:
    return [
        {"id": item.pk, "title": item.title}
        for item in sorted(assessment.evidence.all(), key=lambda i: (i.title, i.pk))
    ]


def freeze(review: Review) -> dict:
    """The review's content as JSON-ready data, in framework order."""
    labels = {
        level.value: level.label for level in RatingLevel.objects.filter(edition=review.edition_id)
    }
    previous: dict[str, int | None] = {}
    if review.previous_id:
        for rating in Rating.objects.filter(review_id=review.previous_id).select_related(
            "indicator", "local_indicator"
        ):
            previous[rating.code] = rating.level
    ratings = (
        Rating.objects.filter(review=review)
        .select_related("indicator__outcome", "local_indicator__outcome")
        .prefetch_related("evidence")
    )
    judgements = (
        OutcomeJudgement.objects.filter(review=review)
        .select_related("outcome")
        .prefetch_related("evidence")
        .order_by("outcome__category__number", "outcome__position")
    )
    rows = []
    for rating in ratings:
        outcome = (
            rating.indicator.outcome if rating.indicator_id else rating.local_indicator.outcome
        )
        rows.append(
            {
                "code": rating.code,
                "outcome": outcome.code,
                "indicator": rating.text,
                "level": rating.level,
                "level_label": labels.get(rating.level, "Not rated"),
                "previous_level": previous.get(rating.code),
                "carried_forward": rating.carried_forward,
                "in_focus": rating.in_focus,
                "commentary": rating.commentary,
                "enablers": rating.enablers,
                "barriers": rating.barriers,
                "next_steps": rating.next_steps,
                "evidence": _evidence(rating),
            }
        )
    rows.sort(key=lambda r: [int(p) if p.isdigit() else 10_000 for p in r["code"].split(".")])
    return {
        "kind": "review",
        "title": str(review),
        "period": review.period,
        "partnership": review.partnership.name,
        "had_previous_review": bool(review.previous_id),
        "ratings": rows,
        "judgements": [
            {
                "outcome": j.outcome.code,
                "name": j.outcome.short_name,
                "level": j.level,
                "level_label": labels.get(j.level, "Not judged"),
                "carried_forward": j.carried_forward,
                "in_focus": j.in_focus,
                "narrative": j.narrative,
                "evidence": _evidence(j),
            }
            for j in judgements
        ],
    }


def summary(content: dict) -> list[str]:
    """What a signer reads first: this year's focus, how many indicators in it are new, changed,
    or carried forward unchanged although they are being reviewed this year, and how many of
    those have no evidence. (Versions frozen before focus existed had everything in focus.)"""
    ratings = [r for r in content["ratings"] if r.get("in_focus", True)]
    judgements = content["judgements"]
    focus = [j for j in judgements if j.get("in_focus", True)]
    rated = [r for r in ratings if r["level"] is not None]
    carried = [r for r in ratings if r["carried_forward"]]
    new = [r for r in rated if not r["carried_forward"] and r["previous_level"] is None]
    changed = [
        r
        for r in rated
        if not r["carried_forward"]
        and r["previous_level"] is not None
        and r["previous_level"] != r["level"]
    ]
    lines = [
        f"{len(focus)} of {len(judgements)} outcomes are in this year's focus; "
        f"{len(rated)} of their {len(ratings)} indicators in focus are rated.",
        f"{len(new)} rated for the first time, {len(changed)} changed since the last review.",
        f"{len(carried)} carried forward unchanged from the last review although they are being "
        f"reviewed this year; {sum(1 for r in carried if not r['evidence'])} of those have no "
        "evidence.",
        f"{sum(1 for r in rated if not r['evidence'])} rated indicators have no evidence.",
    ]
    if not content.get("had_previous_review"):
        lines[1] = f"{len(rated)} rated; this is the first review, so nothing is carried forward."
    lines += [
        f"Outcome {j['outcome']} {j['name']}: "
        + (
            f"{j['level_label']}" + (" (carried forward)" if j["carried_forward"] else "")
            if j.get("in_focus", True)
            else "not reviewed this year"
        )
        for j in judgements
    ]
    return lines


def changes(old: dict, new: dict) -> list[str]:
    """What changed between two versions of a review, in plain words."""
    lines = []
    for kind, key, label in (("ratings", "code", "Rating"), ("judgements", "outcome", "Judgement")):
        before = {row[key]: row for row in old[kind]}
        after = {row[key]: row for row in new[kind]}
        for code in sorted(before.keys() | after.keys(), key=_code_order):
            a, b = before.get(code), after.get(code)
            name = f"{label} {code}" if label == "Rating" else f"Judgement of outcome {code}"
            if a is None:
                lines.append(f"{name} added: “{b['level_label']}”.")
            elif b is None:
                lines.append(f"{name} removed.")
            else:
                if a.get("in_focus", True) != b.get("in_focus", True):
                    lines.append(
                        f"{name}: {'into' if b.get('in_focus', True) else 'out of'} this year's focus."
                    )
                if a["level_label"] != b["level_label"]:
                    lines.append(f"{name}: “{a['level_label']}” → “{b['level_label']}”.")
                texts = [
                    f
                    for f in ("commentary", "enablers", "barriers", "next_steps", "narrative")
                    if a.get(f) != b.get(f)
                ]
                if texts:
                    lines.append(
                        f"{name}: {', '.join(t.replace('_', ' ') for t in texts)} changed."
                    )
                added = {e["id"] for e in b["evidence"]} - {e["id"] for e in a["evidence"]}
                removed = {e["id"] for e in a["evidence"]} - {e["id"] for e in b["evidence"]}
                if added or removed:
                    lines.append(
                        f"{name}: {len(added)} evidence items added, {len(removed)} removed."
                    )
    return lines


def _code_order(code: str) -> list[int]:
    return [int(p) if p.isdigit() else 10_000 for p in code.split(".")]
