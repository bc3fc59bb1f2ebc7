"""The MACS content: counts and exact words from the report, idempotent loading, JSON export."""

import json

import pytest
from django.core.management import call_command

from framework.loader import load_edition
from framework.models import (
    Edition,
    EvidenceSource,
    Impact,
    Indicator,
    Outcome,
    OutcomeCategory,
    Principle,
    SurveyStatement,
)

pytestmark = pytest.mark.django_db

EXPECTED_INDICATORS = {
    "1.1": 4,
    "1.2": 6,
    "1.3": 3,
    "2.1": 5,
    "2.2": 2,
    "2.3": 6,
    "3.1": 4,
    "3.2": 3,
    "3.3": 4,
    "3.4": 3,
    "4.1": 6,
    "4.2": 3,
    "4.3": 5,
    "5.1": 5,
    "5.2": 5,
    "5.3": 3,
}


def export() -> dict:
    from io import StringIO

    out = StringIO()
    call_command("export_framework", "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def test_content_counts_per_outcome_match_the_report():
    counts = {o.code: o.indicators.count() for o in Outcome.objects.all()}
    assert counts == EXPECTED_INDICATORS
    assert Indicator.objects.count() == 67


def test_content_outcome_short_names_and_statements_are_exact():
    outcome = Outcome.objects.get(code="2.2")
    assert outcome.short_name == "Accountability – CYP, families and communities"
    assert outcome.statement == (
        "LSCP provides opportunity for CYP, families and communities to hold it to account"
    )
    assert Outcome.objects.get(code="4.3").statement.endswith("families and communities.")


def test_content_indicator_texts_are_exact_and_free_of_html():
    first = Indicator.objects.get(code="1.1.1")
    assert first.text == "Vision is co-created with CYP, families, communities, and practitioners"
    last = Indicator.objects.get(code="5.3.3")
    assert last.text == (
        "Obstacles to reflective practice are explored via review of perceptions of a culture "
        "of reflective practice"
    )
    for indicator in Indicator.objects.all():
        assert "<" not in indicator.text
        assert "○" not in indicator.text
        assert indicator.text == indicator.text.strip()


def test_content_categories_have_the_reports_guiding_questions():
    questions = list(OutcomeCategory.objects.order_by("number").values_list("name", "question"))
    assert questions[0] == ("Leadership", "How effective is LSCP leadership?")
    assert questions[4] == (
        "Culture",
        "How effectively are LSCPs promoting a just and fair culture of shared reflection and learning?",
    )


def test_content_principles_impacts_and_sources_are_exact():
    assert Impact.objects.count() == 5
    assert (
        Impact.objects.get(number=4).text
        == "Children in care and care leavers have stable, loving homes."
    )
    assert Principle.objects.count() == 6
    assert Principle.objects.get(number=2).text.startswith(
        "We constructively challenge each other, irrespective of power differentials"
    )
    assert EvidenceSource.objects.count() == 19
    assert EvidenceSource.objects.get(number=19).text == (
        "Findings from staff surveys including Section 11 reports."
    )


def test_content_survey_has_34_statements_in_6_categories():
    assert SurveyStatement.objects.count() == 34
    per_category = [c.statements.count() for c in Edition.objects.get().survey_categories.all()]
    assert per_category == [6, 7, 3, 7, 6, 5]
    statement = SurveyStatement.objects.get(number=3)
    assert statement.text == "Decision-making in/by the LSCP is genuinely tripartite"
    assert [o.code for o in statement.default_outcomes.all()] == ["1.3"]


def test_content_survey_scales_are_the_reports_words():
    survey = Edition.objects.get().survey
    assert survey["true_options"] == [
        "completely true",
        "mostly true",
        "sometimes true",
        "mostly not true",
        "not true at all",
        "don't know",
    ]
    assert survey["change_options"][3] == "inconsistent picture"
    assert survey["importance_options"][0] == "very important indicator of LSCP effectiveness"
    regions = next(p for p in survey["profile"] if p["key"] == "region")
    assert [o["code"] for o in regions["options"]][4] == "Southeast"


def test_load_edition_twice_changes_nothing():
    before = list(Indicator.objects.order_by("pk").values_list("pk", "code", "text"))
    edition = load_edition()
    assert list(Indicator.objects.order_by("pk").values_list("pk", "code", "text")) == before
    assert edition.is_current
    assert Edition.objects.count() == 1


def test_export_framework_holds_exactly_the_report_content():
    data = export()
    assert data["schema"] == "macs-framework/1"
    assert data["edition"] == "MACS 2024"
    categories = data["outcome_categories"]
    assert len(categories) == 5
    outcomes = [o for c in categories for o in c["outcomes"]]
    assert len(outcomes) == 16
    assert sum(len(o["indicators"]) for o in outcomes) == 67
    assert len(data["principles"]) == 6
    assert len(data["impacts"]) == 5
    assert len(data["evidence_sources"]) == 19
    assert sum(len(c["statements"]) for c in data["survey"]["categories"]) == 34
    assert len(data["planning_steps"]) == 5
    assert [lv["label"] for lv in data["rating_scale"]] == [
        "Not in place",
        "Developing",
        "Established",
        "Embedded",
    ]
    assert any(g["term"] == "EEDI" for g in data["glossary"])


def test_export_framework_for_an_unknown_edition_fails_plainly():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No such edition"):
        call_command("export_framework", "--edition", "MACS 1999")
