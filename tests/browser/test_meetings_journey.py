"""The business manager records a meeting and who attended, then reads who is represented over
the year. axe-core checks each page."""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_accessible
from tests.browser.test_trust_journey import sign_in_with_app

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_records_a_meeting_and_reads_the_representation(site, page):
    sign_in_with_app(page, site)
    page.get_by_role("link", name="Partnership", exact=True).first.click()
    page.get_by_role("link", name="Meetings", exact=True).first.click()
    assert page.get_by_role("heading", name="Meetings", exact=True).is_visible()
    assert_accessible(page, "95-meetings")
    page.get_by_role("link", name="Record a meeting").click()
    page.get_by_role("button", name="Save the meeting").click()
    assert (
        page.get_by_role("alert").get_by_text("Choose the board or subgroup that met.").is_visible()
    )
    page.get_by_label("Board or subgroup").select_option(label="Executive group")
    page.get_by_label("Date of the meeting").fill("10/3/2026")
    page.get_by_label("Decisions").fill("Adopt the 2026-27 theory of change.")
    page.get_by_role("checkbox", name="Neglect", exact=True).check()
    page.get_by_role("button", name="Save the meeting").click()
    assert page.get_by_role("heading", name="Executive group, 10 March 2026").is_visible()

    page.get_by_label("Agency").select_option(label="Northshire Schools Alliance")
    page.get_by_label("Level of seniority").select_option(label="Director or equivalent")
    page.get_by_role("button", name="Add").click()
    row = page.get_by_role("row").filter(has_text="Northshire Schools Alliance")
    assert row.get_by_role("cell", name="Director or equivalent", exact=True).is_visible()
    assert page.get_by_role("link", name="a meeting record").is_visible()
    assert_accessible(page, "96-meeting")

    page.get_by_role("link", name="All meetings").click()
    page.get_by_role("link", name="Who is represented").click()
    assert page.get_by_role("heading", name="Who is represented, 2025-26").is_visible()
    assert page.get_by_text("Education attended 2 of them (100%).").is_visible()
    assert_accessible(page, "97-representation")
    page.get_by_role("link", name="2024-25").click()
    assert page.get_by_text("Education attended 3 of them (60%).").is_visible()
