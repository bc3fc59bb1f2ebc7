"""A proportionate review: the outcomes (and indicators) in focus this year, the rest shown as
not reviewed this year with their last judgement, the coverage plan and its warning, and
nothing out of focus counted as this year's anywhere (page, tree, signed version, yearly
report, national share)."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from partnerships.roles import Role
from reviews import services
from reviews.focus import coverage, focus_codes, last_judgements
from reviews.models import CoveragePlan, OutcomeJudgement, Rating, Review
from reviews.selectors import review_overview

DEMO_FOCUS = {"1.1", "1.2", "1.3", "2.2", "3.1", "3.2"}


def _manager(demo):
    from accounts.models import User

    return User.objects.get(email="manager@northshire.example")


def test_the_demo_review_looks_at_six_outcomes(current_review):
    with scopes_disabled():
        assert focus_codes(current_review) == DEMO_FOCUS
        overview = review_overview(current_review)
        in_focus = Rating.objects.filter(review=current_review, in_focus=True).count()
        everything = Rating.objects.filter(review=current_review).count()
    assert overview.total == in_focus < everything  # counts are of this year's focus
    assert all(r.in_focus for r in overview.not_rated)


def test_an_outcome_out_of_focus_shows_its_last_judgement_and_when(client_as, current_review):
    with scopes_disabled():
        last = last_judgements(current_review)
        judgement = OutcomeJudgement.objects.get(
            review__period="2024-25",
            review__partnership=current_review.partnership,
            outcome__code="2.1",
        )
    found = next(v for k, v in last.items() if k == judgement.outcome_id)
    assert found.period == "2024-25"
    assert found.level.value == judgement.level
    page = client_as(Role.BUSINESS_MANAGER).get(
        reverse("reviews:review", args=["northshire", current_review.pk])
    )
    body = page.content.decode()
    assert "In focus this year: 6 of 16 outcomes." in body
    assert "Not reviewed this year" in body
    assert found.on is not None
    # The page gives the day in the partnership's time zone (a judgement saved at 23:30 UTC in
    # summer was made the next day in England).
    on = timezone.localtime(found.on)
    assert f"Last judged {found.level.label} in 2024-25 ({on:%-d %B %Y})." in body
    assert "indicators in focus rated" in body


def test_focus_needs_an_outcome_and_an_indicator_under_each(current_review, demo):
    manager = _manager(demo)
    with scopes_disabled():
        outcome = OutcomeJudgement.objects.get(review=current_review, outcome__code="4.1").outcome
        before = focus_codes(current_review)
        with pytest.raises(ValidationError) as nothing:
            services.review_focus_set(
                review=current_review, outcome_ids=set(), rating_ids=set(), actor=manager
            )
        with pytest.raises(ValidationError) as bare:
            services.review_focus_set(
                review=current_review, outcome_ids={outcome.pk}, rating_ids=set(), actor=manager
            )
        assert focus_codes(current_review) == before  # nothing half-saved
    assert "Choose at least one outcome" in str(nothing.value)
    assert bare.value.message_dict == {
        "indicators-4.1": [
            "Choose at least one indicator of 4.1 Multi-agency working, or leave the outcome "
            "out of this year's focus."
        ]
    }


def test_the_focus_page_saves_and_shows_errors_beside_the_outcome(client_as, current_review):
    manager = client_as(Role.BUSINESS_MANAGER)
    url = reverse("reviews:focus", args=["northshire", current_review.pk])
    with scopes_disabled():
        judgement = OutcomeJudgement.objects.get(review=current_review, outcome__code="4.1")
        ratings = list(Rating.objects.filter(review=current_review, indicator__outcome__code="4.1"))
    page = manager.get(url)
    assert page.status_code == 200
    assert "Last looked at in 2024-25." in page.content.decode()
    assert "counting this year's focus as saved: 6 of 16 outcomes." in page.content.decode()
    wrong = manager.post(url, {"outcome": [judgement.outcome_id]}).content.decode()
    assert 'id="indicators-4.1"' in wrong
    assert "Choose at least one indicator of 4.1" in wrong
    done = manager.post(url, {"outcome": [judgement.outcome_id], "indicator": [ratings[0].pk]})
    assert done.status_code == 302
    with scopes_disabled():
        assert focus_codes(current_review) == {"4.1"}
        assert Rating.objects.filter(review=current_review, in_focus=True).count() == 1


def test_a_signed_review_keeps_its_focus(demo):
    with scopes_disabled():
        signed = Review.objects.get(partnership=demo["northshire"], period="2024-25")
        with pytest.raises(ValidationError):
            services.review_focus_set(
                review=signed, outcome_ids={1}, rating_ids=set(), actor=_manager(demo)
            )


def test_carried_forward_judgements_stay_dated_by_the_review_that_made_them(current_review, demo):
    """Out of focus two years running: the last judgement is still 2024-25's, not the copy
    2025-26 carried forward."""
    manager = _manager(demo)
    with scopes_disabled():
        next_year = services.review_start(
            partnership=demo["northshire"],
            edition=current_review.edition,
            period="2026-27",
            actor=manager,
        )
        one = OutcomeJudgement.objects.get(review=next_year, outcome__code="1.1")
        services.review_focus_set(
            review=next_year,
            outcome_ids={one.outcome_id},
            rating_ids=set(Rating.objects.filter(review=next_year).values_list("pk", flat=True)),
            actor=manager,
        )
        last = last_judgements(next_year)
        two_one = OutcomeJudgement.objects.get(review=next_year, outcome__code="2.1")
        one_one = OutcomeJudgement.objects.get(review=next_year, outcome__code="1.2")
    assert last[two_one.outcome_id].period == "2024-25"
    assert last[one_one.outcome_id].period == "2025-26"


def test_the_coverage_plan_warns_in_its_last_year(client_as, current_review, demo):
    with scopes_disabled():
        plan = CoveragePlan.objects.get(partnership=demo["northshire"])
        found = coverage(current_review)
        assert (found.year, len(found.covered), found.total) == (1, 6, 16)
        assert not found.ends_short
        plan.years = 1  # 2025-26 is now the plan's last year
        plan.save()
        assert coverage(current_review).ends_short
    body = (
        client_as(Role.BUSINESS_MANAGER)
        .get(reverse("reviews:review", args=["northshire", current_review.pk]))
        .content.decode()
    )
    assert "This is the last year of the coverage plan" in body
    assert "10 outcomes have not been looked at" in body


def test_the_coverage_plan_form_checks_its_years(client_as):
    manager = client_as(Role.BUSINESS_MANAGER)
    url = reverse("reviews:coverage_plan", args=["northshire"])
    bad = manager.post(url, {"first_period": "2025-27", "years": "9"}).content.decode()
    assert "Enter the first year as two years in a row, like 2025-26." in bad
    assert "Years to cover every outcome must be 5 or less." in bad
    assert manager.post(url, {"first_period": "2024-25", "years": "2"}).status_code == 302
    with scopes_disabled():
        assert CoveragePlan.objects.get(partnership__slug="northshire").periods() == [
            "2024-25",
            "2025-26",
        ]


def test_the_tree_greys_and_names_outcomes_out_of_focus(client_as, current_review):
    body = (
        client_as(Role.OBSERVER)
        .get(reverse("reviews:tree", args=["northshire", current_review.pk]))
        .content.decode()
    )
    svg = body.split("<svg", 1)[1]
    texts = re.findall(r">([^<>]+)</text>", svg)
    assert texts.count("Not reviewed this year") == 10


def test_the_signed_version_says_what_was_in_focus(current_review):
    from reviews.signing import freeze, summary

    with scopes_disabled():
        content = freeze(current_review)
    lines = summary(content)
    assert lines[0].startswith("6 of 16 outcomes are in this year's focus")
    assert "Outcome 4.1 Multi-agency working: not reviewed this year" in lines


def test_out_of_focus_never_reaches_the_national_share_or_counts_in_the_report(
    current_review, demo
):
    from reports.assemble import assemble
    from reports.models import YearlyReport
    from reports.signing import _national

    with scopes_disabled():
        report = YearlyReport.objects.create(
            partnership=demo["northshire"], period="2025-26", review=current_review
        )
        figures = _national(report)
        document = assemble(report)
    assert {code for code, _ in figures["judgements"]} <= DEMO_FOCUS
    assert {outcome for outcome, _, _ in figures["ratings"]} <= DEMO_FOCUS
    texts = [getattr(block, "text", "") for block in document.blocks]
    assert "4.1 Multi-agency working: not reviewed this year" in texts
    assert any(t.startswith("This year's review looked at 6 of 16 outcomes") for t in texts)
