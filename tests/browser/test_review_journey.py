"""A subgroup member signs in, opens the 2025-26 review, finds the indicators assigned to them,
rates one with evidence, and sees it on the review page. axe-core checks every page."""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_accessible
from tests.browser.test_trust_journey import sign_in_with_app

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_rates_an_assigned_indicator_with_evidence(site, page):
    sign_in_with_app(page, site, email="member@northshire.example", welcome="Welcome, Sam")
    page.get_by_role("link", name="Reviews", exact=True).first.click()
    assert page.get_by_role("heading", name="Effectiveness reviews").is_visible()
    assert_accessible(page, "20-reviews")

    page.get_by_role("link", name="Effectiveness review 2025-26").click()
    assert page.get_by_role("heading", name="Effectiveness review 2025-26").is_visible()
    assert_accessible(page, "21-review")
    page.get_by_role("link", name="Show only the indicators assigned to me").click()
    page.get_by_role("link", name="1.1.1", exact=True).click()

    assert page.get_by_role("heading", name="Indicator 1.1.1").is_visible()
    assert_accessible(page, "22-rating")
    page.get_by_label("Established").check()
    page.get_by_label("Commentary").fill(
        "The neglect audit shows consistent practice in both councils."
    )
    page.get_by_label("Multi-agency audit: neglect").check()
    page.get_by_role("button", name="Save rating").click()

    assert page.get_by_text("Rating for 1.1.1 saved.").is_visible()
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="1.1.1", exact=True))
    assert row.get_by_text("Established").is_visible()
    assert_accessible(page, "23-review-after-rating")


def test_manager_opens_a_monitor_chart_and_the_coloured_tree(site, page):
    sign_in_with_app(page, site)
    page.get_by_role("link", name="Monitors", exact=True).first.click()
    assert page.get_by_role("heading", name="Monitors").is_visible()
    assert_accessible(page, "24-monitors")
    page.get_by_role("link", name="Re-referrals to children's social care within 12 months").click()
    assert page.get_by_role("img", name="Line chart of Re-referrals").is_visible()
    assert page.get_by_role(
        "table", name="Re-referrals to children's social care within 12 months (%)"
    ).is_visible()
    assert_accessible(page, "25-monitor")
    page.get_by_role("link", name="Reviews", exact=True).first.click()
    page.get_by_role("link", name="Effectiveness review 2024-25").click()
    page.get_by_role("link", name="The tree coloured by this review").click()
    assert page.get_by_role("heading", name="The MACS tree coloured by this review").is_visible()
    assert_accessible(page, "26-review-tree")
    page.goto(site + "/p/northshire/reviews/")
    page.get_by_role("link", name="Effectiveness review 2025-26").click()
    page.get_by_role("link", name="Sign-off").click()
    assert page.get_by_role("heading", name="Joint sign-off").is_visible()
    assert_accessible(page, "27-sign-off")


def test_manager_sets_this_years_focus(site, page):
    sign_in_with_app(page, site)
    page.goto(site + "/p/northshire/reviews/")
    page.get_by_role("link", name="Effectiveness review 2025-26").click()
    assert page.get_by_text("In focus this year: 6 of 16 outcomes.").is_visible()
    page.get_by_role("link", name="Choose this year's focus").click()
    assert page.get_by_role("heading", name="This year's focus").is_visible()
    assert_accessible(page, "27-review-focus")
    # Ticking an outcome reveals its indicators; with none chosen, the page says so beside it.
    indicators = page.get_by_role("group", name="Indicators of 4.1 in focus")
    assert not indicators.is_visible()
    page.get_by_label("4.1 Multi-agency working").check()
    assert indicators.is_visible()
    page.get_by_role("button", name="Save this year's focus").click()
    assert (
        page.get_by_role("alert").get_by_text("Choose at least one indicator of 4.1").is_visible()
    )
    assert_accessible(page, "28-review-focus-error")
    page.get_by_role("group", name="Indicators of 4.1 in focus").get_by_label(
        "4.1.1", exact=False
    ).first.check()
    page.get_by_role("button", name="Save this year's focus").click()
    assert page.get_by_text("In focus this year: 7 of 16 outcomes.").is_visible()
    row = page.get_by_role("row").filter(
        has=page.get_by_role("link", name="4.2 Information sharing")
    )
    assert row.get_by_text("Not reviewed this year").is_visible()
