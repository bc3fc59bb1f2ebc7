"""The whole MACS content as plain data, for `export_framework` (schema: docs/framework-json.md)."""

from __future__ import annotations

from typing import Any

from .models import Edition
from .selectors import categories_with_outcomes, survey_categories

SCHEMA = "macs-framework/1"


def edition_to_dict(edition: Edition) -> dict[str, Any]:
    """Everything in an edition, in the report's order, as JSON-ready data."""
    return {
        "schema": SCHEMA,
        "edition": edition.name,
        "title": edition.title,
        "source": edition.source,
        "impacts": [i.text for i in edition.impact_set.order_by("number")],
        "principles": [
            {"number": p.number, "label": p.label, "text": p.text}
            for p in edition.principle_set.order_by("number")
        ],
        "activities": [a.text for a in edition.indicativeactivity_set.order_by("number")],
        "resources": [r.text for r in edition.indicativeresource_set.order_by("number")],
        "evidence_sources": [s.text for s in edition.evidencesource_set.order_by("number")],
        "outcome_categories": [
            {
                "number": c.number,
                "name": c.name,
                "question": c.question,
                "outcomes": [
                    {
                        "code": o.code,
                        "short_name": o.short_name,
                        "statement": o.statement,
                        "indicators": [
                            {"code": i.code, "text": i.text} for i in o.indicators.all()
                        ],
                    }
                    for o in c.outcomes.all()
                ],
            }
            for c in categories_with_outcomes(edition)
        ],
        "rating_scale": [
            {"value": lv.value, "label": lv.label, "descriptor": lv.descriptor}
            for lv in edition.rating_levels.order_by("value")
        ],
        "planning_steps": [
            {
                "number": s.number,
                "title": s.title,
                "tree_part": s.tree_part,
                "summary": s.summary,
                "questions": s.questions,
                "questions_from_report": s.questions_from_report,
            }
            for s in edition.planning_steps.order_by("number")
        ],
        "survey": {
            **edition.survey,
            "categories": [
                {
                    "number": c.number,
                    "name": c.name,
                    "statements": [
                        {
                            "number": s.number,
                            "text": s.text,
                            "outcomes": sorted(o.code for o in s.default_outcomes.all()),
                        }
                        for s in c.statements.all()
                    ],
                }
                for c in survey_categories(edition)
            ],
        },
        "glossary": [
            {"kind": g.kind, "term": g.term, "meaning": g.meaning}
            for g in edition.glossary.order_by("kind", "term")
        ],
    }
