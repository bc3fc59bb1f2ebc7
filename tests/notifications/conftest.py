"""Helpers for review tests: the demo's reviews and ratings by indicator code."""

from __future__ import annotations

import pytest
from django_scopes import scopes_disabled

from reviews.models import Rating, Review


@pytest.fixture
def current_review(demo) -> Review:
    with scopes_disabled():
        return Review.objects.get(partnership=demo["northshire"], period="2025-26")


@pytest.fixture
def rating_of(current_review):
    def get(code: str, review: Review | None = None) -> Rating:
        with scopes_disabled():
            return Rating.objects.select_related("review").get(
                review=review or current_review, indicator__code=code
            )

    return get
