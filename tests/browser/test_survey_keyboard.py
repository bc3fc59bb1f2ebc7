"""A respondent answers the open survey on a 360 px screen with the keyboard alone: starts,
keeps the resume code, answers a statement, leaves; later, in a fresh browser, resumes with
the code and sends. The business manager then sees the wave's analysis once it closes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from surveys.models import Response, Wave
from tests.browser.conftest import assert_accessible
from tests.browser.test_survey_journey import fits_the_screen
from tests.browser.test_trust_journey import sign_in_with_app

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def tab_to(page, locator, *, limit: int = 80) -> None:
    """Press Tab until `locator` has the focus: the only way this journey moves around."""
    for _ in range(limit):
        if locator.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {locator}")


def go(page) -> None:
    """Press Enter on the focused link or button and wait for the next page."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_respondent_uses_the_keyboard_alone_and_resumes_with_the_code(site, page, browser):
    with scopes_disabled():
        wave = Wave.objects.get(partnership__slug="northshire", period="2026")
        before = wave.responses.filter(submitted=True).count()
    page.set_viewport_size(PHONE)
    page.goto(f"{site}/s/{wave.link_token}/")
    tab_to(page, page.get_by_role("button", name="Start now"))
    go(page)
    code = page.get_by_test_id("resume-code").inner_text()
    tab_to(page, page.get_by_role("link", name="Continue"))
    go(page)

    assert page.get_by_text("Page 1 of 8").is_visible()
    tab_to(page, page.get_by_role("button", name="Save and continue"))
    go(page)

    assert page.get_by_role("heading", name="Leadership and accountability").is_visible()
    first = page.locator("fieldset").first.get_by_role("radio").first
    tab_to(page, first)  # the first statement's "how true" answers
    page.keyboard.press("ArrowDown")  # from "Completely true" to "Mostly true"
    assert page.locator("fieldset").first.get_by_label("Mostly true").is_checked()
    tab_to(page, page.get_by_role("button", name="Save and continue"))
    go(page)
    assert page.get_by_text("Page 3 of 8").is_visible()
    page.context.close()  # the respondent leaves

    later = browser.new_context(viewport=PHONE).new_page()
    later.goto(f"{site}/s/{wave.link_token}/")
    tab_to(later, later.get_by_role("link", name="I have a code to continue"))
    go(later)
    tab_to(later, later.get_by_label("Your code"))
    later.keyboard.type(code)
    go(later)
    assert fits_the_screen(later)
    assert_accessible(later, "52-survey-resumed")
    for _ in range(8):
        if later.get_by_role("heading", name="Check your answers before sending").is_visible(
            timeout=500
        ):
            break
        tab_to(later, later.get_by_role("button", name="Save and continue"))
        go(later)
    assert later.get_by_text("1 of 6 statements answered").is_visible()
    tab_to(later, later.get_by_role("button", name="Send my answers"))
    go(later)
    assert later.get_by_role("heading", name="Answers sent").is_visible()
    with scopes_disabled():
        assert wave.responses.filter(submitted=True).count() == before + 1
        sent = Response.objects.filter(
            wave=wave, submitted=True, answers__statement__number=1, answers__truth=2
        )
        assert sent.exists()
        # The wave closes; its analysis is then published to the partnership.
        Wave.objects.filter(pk=wave.pk).update(
            opens_on=timezone.localdate() - timedelta(days=30),
            closes_on=timezone.localdate() - timedelta(days=1),
        )

    manager = browser.new_context().new_page()
    sign_in_with_app(manager, site)
    manager.get_by_role("link", name="Survey", exact=True).first.click()
    manager.get_by_role("link", name=wave.title).click()
    manager.get_by_role("link", name="Results").first.click()
    assert manager.get_by_role("table", name="Leadership and accountability").first.is_visible()
    assert_accessible(manager, "53-survey-results-after-close")
