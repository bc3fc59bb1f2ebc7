"""A review as rows, for CSV and XLSX (the same layout the ratings import reads back)."""

from __future__ import annotations

from .models import Rating, Review
from .selectors import review_overview

EXPORT_HEADERS = [
    "Code",
    "Indicator",
    "Outcome",
    "Rating",
    "Previous rating",
    "Change",
    "Commentary",
    "Enablers",
    "Barriers",
    "Next steps",
    "Owner",
    "Evidence",
    "Carried forward",
]


def export_rows(review: Review) -> list[list]:
    overview = review_overview(review)
    titles = {}
    through = Rating.evidence.through
    for link in through.objects.filter(rating__review=review).select_related("evidenceitem"):
        titles.setdefault(link.rating_id, []).append(link.evidenceitem.title)
    rows = []
    for _category, outcomes in overview.categories:
        for row in outcomes:
            for r in row.ratings:
                previous = overview.levels.get(r.previous_level)
                rows.append(
                    [
                        r.code,
                        r.text,
                        f"{row.outcome.code} {row.outcome.short_name}",
                        r.level_info.label if r.level_info else "Not yet assessed",
                        previous.label if previous else "",
                        r.change,
                        r.commentary,
                        r.enablers,
                        r.barriers,
                        r.next_steps,
                        str(r.owner) if r.owner else "",
                        "; ".join(sorted(titles.get(r.pk, []))),
                        r.carried_forward,
                    ]
                )
    return rows
