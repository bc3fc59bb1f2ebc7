"""Reads of the MACS content, with a fixed number of queries however large the edition."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import Http404

from .models import Edition, Outcome, OutcomeCategory


def current_edition() -> Edition:
    """The edition in use. 404 if the content has not been loaded."""
    edition = Edition.objects.filter(is_current=True).first()
    if edition is None:
        raise Http404("The MACS content has not been loaded. Run `manage.py load_framework`.")
    return edition


def categories_with_outcomes(edition: Edition) -> list[OutcomeCategory]:
    """The five categories, each with its outcomes and their indicators (3 queries)."""
    outcomes = Outcome.objects.order_by("position").prefetch_related("indicators")
    return list(
        edition.categories.order_by("number").prefetch_related(Prefetch("outcomes", outcomes))
    )


def survey_categories(edition: Edition):
    """Survey categories with their statements and default outcome mapping (3 queries)."""
    return edition.survey_categories.order_by("number").prefetch_related(
        "statements__default_outcomes"
    )
