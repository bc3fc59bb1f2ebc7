"""One colour scale for rating levels: the page tags, the coloured tree and the report's chart
all use the framework content's colours, and "not reviewed" is a neutral grey."""

from __future__ import annotations

import pytest

from framework.models import RatingLevel
from framework.selectors import current_edition
from framework.tree import NOT_REVIEWED, TEXT, text_on
from framework.trees import macs_tree_spec
from reviews.templatetags.review_tags import TAG_CLASSES
from ui.charts import Series, bar_chart

pytestmark = pytest.mark.django_db

# Each GOV.UK tag modifier and the GOV.UK colour it is a tint of.
GOVUK_TAG_COLOURS = {
    "govuk-tag--red": "#d4351c",
    "govuk-tag--orange": "#f47738",
    "govuk-tag--blue": "#1d70b8",
    "govuk-tag--green": "#00703c",
}


def _scale() -> dict[int, str]:
    return dict(
        RatingLevel.objects.filter(edition=current_edition()).values_list("value", "colour")
    )


def test_page_tags_are_the_levels_own_colours():
    assert {value: GOVUK_TAG_COLOURS[css] for value, css in TAG_CLASSES.items()} == _scale()


def test_a_leaf_the_review_has_not_judged_is_grey_with_dark_text():
    spec = macs_tree_spec(current_edition(), "northshire", {"1.1": _scale()[4]})
    leaves = {leaf.short: leaf.colour for group in spec.leaf_groups for leaf in group.leaves}
    assert leaves["1.1"] == _scale()[4]
    assert leaves["2.1"] == NOT_REVIEWED
    assert text_on(NOT_REVIEWED) == TEXT
    assert text_on(_scale()[2]) == TEXT  # orange: white text would fail contrast
    assert text_on(_scale()[3]) == "#ffffff"
    plain = macs_tree_spec(current_edition(), "northshire")
    assert {leaf.colour for group in plain.leaf_groups for leaf in group.leaves} == {""}


def test_the_chart_draws_each_level_in_its_colour():
    svg = bar_chart(
        title="Ratings",
        labels=["Leadership"],
        series=[Series(str(v), [1.0], colour) for v, colour in _scale().items()],
    ).decode()
    for colour in _scale().values():
        assert colour in svg


def test_colour_is_never_the_only_cue_on_the_tree():
    spec = macs_tree_spec(
        current_edition(), "northshire", {"1.1": _scale()[4]}, {"1.1": "Embedded"}
    )
    leaves = {leaf.short: leaf for group in spec.leaf_groups for leaf in group.leaves}
    assert leaves["1.1"].note == "Embedded"
    assert leaves["2.1"].note == "Not yet assessed"
    assert leaves["2.1"].label.endswith(": Not yet assessed")  # and in its link's name
    plain = macs_tree_spec(current_edition(), "northshire")
    assert {leaf.note for group in plain.leaf_groups for leaf in group.leaves} == {""}


def test_the_review_tree_page_writes_each_judgement_on_its_leaf(client_as, demo):
    from django.urls import reverse
    from django_scopes import scopes_disabled

    from partnerships.roles import Role
    from reviews.models import Review

    with scopes_disabled():
        review = Review.objects.get(partnership=demo["northshire"], period="2024-25")
    body = client_as(Role.OBSERVER).get(reverse("reviews:tree", args=["northshire", review.pk]))
    svg = body.content.decode().split("<svg", 1)[1].split("</svg>", 1)[0]
    judged = [
        label
        for label in ("Not in place", "Developing", "Established", "Embedded")
        if f">{label}<" in svg
    ]
    assert judged, "no leaf says its judgement in words"
