"""A respondent answers the open survey on a 360 px phone screen, without an account; then the
business manager reads a closed wave's results, its profile table and a breakdown. axe-core
checks every page."""

from __future__ import annotations

import re

import pytest
from django_scopes import scopes_disabled

from surveys.models import Response, Wave
from tests.browser.conftest import assert_accessible
from tests.browser.test_trust_journey import sign_in_with_app

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits_the_screen(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_respondent_answers_on_a_phone(site, page):
    page.set_viewport_size({"width": 360, "height": 740})
    with scopes_disabled():
        wave = Wave.objects.get(partnership__slug="northshire", period="2026")
    page.goto(f"{site}/s/{wave.link_token}/")
    assert page.get_by_role(
        "heading", name="Tell us how well the partnership is working"
    ).is_visible()
    assert fits_the_screen(page)
    assert_accessible(page, "40-survey-start")
    page.get_by_role("button", name="Start now").click()
    code = page.get_by_test_id("resume-code").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    assert_accessible(page, "41-survey-code")
    page.get_by_role("link", name="Continue").click()

    assert page.get_by_text("Page 1 of 8").is_visible()
    page.get_by_label("Education").check()
    assert_accessible(page, "42-survey-about-you")
    page.get_by_role("button", name="Save and continue").click()

    assert page.get_by_role("heading", name="Leadership and accountability").is_visible()
    first = page.locator("fieldset").first
    first.get_by_label("Mostly true").check()
    page.get_by_label("Your comments (optional)").fill("Challenge is welcomed at the executive.")
    assert fits_the_screen(page)
    assert_accessible(page, "43-survey-statements")
    for _ in range(6):
        page.get_by_role("button", name="Save and continue").click()

    assert page.get_by_role("heading", name="Check your answers before sending").is_visible()
    assert page.get_by_text("1 of 6 statements answered").is_visible()
    assert_accessible(page, "44-survey-check")
    page.get_by_role("button", name="Send my answers").click()
    assert page.get_by_role("heading", name="Answers sent").is_visible()
    assert_accessible(page, "45-survey-sent")
    with scopes_disabled():
        sent = Response.objects.get(
            wave=wave, position="Education", submitted=True, comments__isnull=False
        )
        assert sent.answers.get(statement__number=1).truth == 2


def test_manager_reads_results_profile_and_breakdown(site, page):
    sign_in_with_app(page, site)
    page.get_by_role("link", name="Survey", exact=True).first.click()
    assert page.get_by_role("heading", name="Partnership survey").is_visible()
    assert_accessible(page, "46-survey-waves")
    page.get_by_role("link", name="Northshire partnership survey 2025").click()
    assert_accessible(page, "47-survey-wave")
    page.get_by_role("link", name="Results").first.click()
    assert page.get_by_role("img", name=re.compile("Diverging bar chart")).first.is_visible()
    assert page.get_by_role("table", name=re.compile("Leadership and accountability")).is_visible()
    assert_accessible(page, "48-survey-results")
    page.get_by_role("link", name="Where to work").click()
    assert_accessible(page, "49-survey-gaps")
    page.get_by_role("link", name="Who answered").first.click()
    assert page.get_by_role("table", name="Respondents' professional information").is_visible()
    assert_accessible(page, "50-survey-profile")
    page.get_by_role("link", name="By group").first.click()
    assert page.get_by_role("heading", name="How true, by group").is_visible()
    assert_accessible(page, "51-survey-breakdown")
