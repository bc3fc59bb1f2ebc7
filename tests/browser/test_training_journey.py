"""The business manager records a training session and who came, a participant sends an
anonymous evaluation on a phone through the session's link, and the manager reads the year's
reach and what participants said (small sessions combined). axe-core checks each page."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tests.browser.conftest import assert_accessible
from tests.browser.test_survey_journey import fits_the_screen
from tests.browser.test_trust_journey import sign_in_with_app

COMBINED = (
    "2 sessions combined: Listening to young people: relationship-based practice; "
    "Equality, equity, diversity and inclusion in safeguarding"
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def test_a_session_is_recorded_evaluated_and_read_over_the_year(site, page, browser):
    sign_in_with_app(page, site)
    page.get_by_role("link", name="Partnership", exact=True).first.click()
    page.get_by_role("link", name="Training", exact=True).first.click()
    assert page.get_by_role("heading", name="Training", exact=True).is_visible()
    assert_accessible(page, "98-training")
    page.get_by_role("link", name="Record a training session").click()
    page.get_by_role("button", name="Save the session").click()
    assert page.get_by_role("alert").get_by_text("Enter the topic of the session.").is_visible()
    page.get_by_label("Topic").fill("Working with fathers")
    page.get_by_label("Date of the session").fill(f"{timezone.localdate():%-d/%-m/%Y}")
    page.get_by_label("Co-developed or co-facilitated").check()
    page.get_by_role("button", name="Save the session").click()
    assert page.get_by_role("heading", name="Working with fathers").is_visible()
    page.get_by_label("Agency").select_option(label="Northshire Schools Alliance")
    page.get_by_label("Number who attended").fill("12")
    page.get_by_role("button", name="Save the number").click()
    row = page.get_by_role("row").filter(has_text="Northshire Schools Alliance")
    assert row.get_by_role("cell", name="12", exact=True).is_visible()
    assert page.get_by_role("link", name="a training record").is_visible()
    assert_accessible(page, "99-training-session")
    link = page.get_by_test_id("evaluation-link").inner_text()

    participant = browser.new_context(viewport=PHONE).new_page()
    participant.goto(link)
    assert participant.get_by_role("heading", name="Working with fathers").is_visible()
    assert fits_the_screen(participant)
    participant.get_by_role("group", name="The session was relevant to my work.").get_by_label(
        "Strongly agree"
    ).check()
    participant.get_by_role("button", name="Send your evaluation").click()
    assert (
        participant.get_by_role("alert")
        .get_by_text("Choose how far you agree that you will use what you learned.")
        .is_visible()
    )
    assert_accessible(participant, "100-training-evaluation")
    for statement, answer in [
        ("I will use what I learned in my practice.", "Agree"),
        ("I understand better how other agencies work with children and families.", "Agree"),
        ("I feel more confident to work with and challenge other agencies.", "Disagree"),
    ]:
        participant.get_by_role("group", name=statement).get_by_label(answer, exact=True).check()
    participant.get_by_role("button", name="Send your evaluation").click()
    assert participant.get_by_role("heading", name="Evaluation sent").is_visible()
    assert_accessible(participant, "101-training-evaluation-sent")

    page.reload()
    assert page.get_by_text("1 participant has sent one so far").is_visible()
    assert page.get_by_text("Answers are shown after evaluations close.").is_visible()
    page.get_by_role("link", name="All training").click()
    page.get_by_role("link", name="Reach and evaluation over a year").click()
    page.get_by_role("link", name="2024-25").click()
    assert page.get_by_role("heading", name="Reach and evaluation, 2024-25").is_visible()
    assert page.get_by_role("table", name=COMBINED).is_visible()
    assert page.get_by_text("too few people to show on their own").is_visible()
    assert_accessible(page, "102-training-year")
