"""Load a MACS content file (TOML) into the database, idempotently.

Run through `manage.py load_framework`. Loading the same file twice changes nothing; loading
a corrected file updates texts in place, keyed by number and code, so rows keep their ids and
anything that points at them stays valid.
"""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path
from typing import Any

from django.db import transaction

from .models import (
    Edition,
    EvidenceSource,
    GlossaryEntry,
    Impact,
    IndicativeActivity,
    IndicativeResource,
    Indicator,
    Outcome,
    OutcomeCategory,
    PlanningStep,
    Principle,
    RatingLevel,
    SurveyCategory,
    SurveyStatement,
)

CONTENT_DIR = Path(__file__).resolve().parent / "content"
DEFAULT_CONTENT = CONTENT_DIR / "macs-2024.toml"


def read_content(path: Path = DEFAULT_CONTENT) -> tuple[dict[str, Any], str]:
    """Parse a content file; return its data and a hash of its bytes."""
    raw = path.read_bytes()
    return tomllib.loads(raw.decode("utf-8")), hashlib.sha256(raw).hexdigest()


def _sync_numbered(model, edition: Edition, texts: list[str]) -> None:
    for number, text in enumerate(texts, start=1):
        model.objects.update_or_create(edition=edition, number=number, defaults={"text": text})
    model.objects.filter(edition=edition, number__gt=len(texts)).delete()


@transaction.atomic
def load_edition(path: Path = DEFAULT_CONTENT, *, make_current: bool = True) -> Edition:
    """Create or update the edition described by `path`. Returns the edition."""
    data, digest = read_content(path)
    edition, created = Edition.objects.get_or_create(
        name=data["edition"],
        defaults={"title": data["title"], "source": data["source"], "survey": {}},
    )
    if not created and edition.content_hash == digest:
        if make_current and not edition.is_current:
            _make_current(edition)
        return edition

    survey = {k: v for k, v in data["survey"].items() if k != "categories"}
    edition.title = data["title"]
    edition.source = data["source"]
    edition.survey = survey
    edition.content_hash = digest
    edition.save()

    _sync_numbered(Impact, edition, data["impacts"])
    _sync_numbered(IndicativeActivity, edition, data["activities"])
    _sync_numbered(IndicativeResource, edition, data["resources"])
    _sync_numbered(EvidenceSource, edition, data["evidence_sources"])
    _sync_principles(edition, data["principles"])
    _sync_rating_levels(edition, data["rating_scale"]["levels"])
    _sync_planning_steps(edition, data["planning_steps"])
    outcomes_by_code = _sync_outcomes(edition, data["outcome_categories"])
    _sync_survey(edition, data["survey"]["categories"], outcomes_by_code)
    _sync_glossary(edition, data)

    if make_current:
        _make_current(edition)
    return edition


def _make_current(edition: Edition) -> None:
    Edition.objects.exclude(pk=edition.pk).filter(is_current=True).update(is_current=False)
    Edition.objects.filter(pk=edition.pk).update(is_current=True)
    edition.is_current = True


def _sync_principles(edition: Edition, principles: list[dict]) -> None:
    for number, item in enumerate(principles, start=1):
        Principle.objects.update_or_create(
            edition=edition, number=number, defaults={"text": item["text"], "label": item["label"]}
        )
    Principle.objects.filter(edition=edition, number__gt=len(principles)).delete()


def _sync_rating_levels(edition: Edition, levels: list[dict]) -> None:
    for level in levels:
        RatingLevel.objects.update_or_create(
            edition=edition,
            value=level["value"],
            defaults={k: level[k] for k in ("label", "descriptor", "colour")},
        )
    RatingLevel.objects.filter(edition=edition).exclude(
        value__in=[lv["value"] for lv in levels]
    ).delete()


def _sync_planning_steps(edition: Edition, steps: list[dict]) -> None:
    for step in steps:
        PlanningStep.objects.update_or_create(
            edition=edition,
            number=step["number"],
            defaults={
                k: step[k]
                for k in ("title", "tree_part", "summary", "questions", "questions_from_report")
            },
        )


def _sync_outcomes(edition: Edition, categories: list[dict]) -> dict[str, Outcome]:
    """The outcome categories, their outcomes and indicators; returns outcomes by code."""
    outcomes_by_code: dict[str, Outcome] = {}
    for cat in categories:
        category, _ = OutcomeCategory.objects.update_or_create(
            edition=edition,
            number=cat["number"],
            defaults={"name": cat["name"], "question": cat["question"]},
        )
        for position, item in enumerate(cat["outcomes"], start=1):
            outcome, _ = Outcome.objects.update_or_create(
                edition=edition,
                code=item["code"],
                defaults={
                    "category": category,
                    "position": position,
                    "short_name": item["short_name"],
                    "statement": item["statement"],
                },
            )
            outcomes_by_code[outcome.code] = outcome
            _sync_indicators(outcome, item["indicators"])
    return outcomes_by_code


def _sync_indicators(outcome: Outcome, texts: list[str]) -> None:
    for position, text in enumerate(texts, start=1):
        Indicator.objects.update_or_create(
            outcome=outcome,
            position=position,
            defaults={"text": text, "code": f"{outcome.code}.{position}"},
        )
    outcome.indicators.filter(position__gt=len(texts)).delete()


def _sync_survey(edition: Edition, categories: list[dict], outcomes_by_code: dict) -> None:
    for number, cat in enumerate(categories, start=1):
        category, _ = SurveyCategory.objects.update_or_create(
            edition=edition,
            number=number,
            defaults={"name": cat["name"], "section": cat["section"]},
        )
        for item in cat["statements"]:
            statement, _ = SurveyStatement.objects.update_or_create(
                category=category, number=item["number"], defaults={"text": item["text"]}
            )
            statement.default_outcomes.set([outcomes_by_code[c] for c in item["outcomes"]])


def _sync_glossary(edition: Edition, data: dict) -> None:
    for kind, key in (
        (GlossaryEntry.Kind.ABBREVIATION, "glossary"),
        (GlossaryEntry.Kind.TERM, "terms"),
    ):
        for entry in data[key]:
            GlossaryEntry.objects.update_or_create(
                edition=edition,
                kind=kind,
                term=entry["term"],
                defaults={"meaning": entry["meaning"]},
            )
