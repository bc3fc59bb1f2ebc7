"""A facilitator runs a workshop with two guests on their phones: guests join with the code,
add notes anonymously and support each other's; the facilitator adds a note to the review in
one step and finishes the session. A young scrutineer then sees "you said, we did". axe-core
checks every page."""

from __future__ import annotations

import pytest
from django_scopes import scopes_disabled

from participation.models import Note, Workshop
from tests.browser.conftest import assert_accessible
from tests.browser.test_survey_journey import fits_the_screen
from tests.browser.test_trust_journey import sign_in_with_app

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def guest_joins(browser, site: str, code: str):
    guest = browser.new_context(viewport=PHONE).new_page()
    guest.goto(f"{site}/w/")
    assert guest.get_by_role("heading", name="Join a workshop").is_visible()
    guest.get_by_label("Workshop code").fill(code.lower())
    guest.get_by_role("button", name="Join").click()
    assert guest.get_by_role("heading", name="Barriers to hearing children").is_visible()
    assert fits_the_screen(guest)
    return guest


def test_facilitator_runs_a_workshop_with_two_guests(site, page, browser):
    sign_in_with_app(page, site)
    page.get_by_role("link", name="Voices", exact=True).first.click()
    assert page.get_by_role("heading", name="Voices: you said, we did").is_visible()
    assert_accessible(page, "80-voices")
    page.get_by_role("link", name="Workshops").click()
    page.get_by_role("link", name="Open a workshop").click()
    assert_accessible(page, "81-open-workshop")
    page.get_by_label("Title").fill("Barriers to hearing children")
    page.get_by_label("What is the workshop about?").select_option(
        label="Outcome category 3: Participation"
    )
    page.get_by_label("Date of the workshop").fill("26/11/2026")
    page.clock.install()  # the board checks for new notes every 15 s: time is moved on below
    page.get_by_role("button", name="Open the workshop").click()
    code = page.locator(".macs-code").inner_text()
    assert len(code) == 6
    assert_accessible(page, "82-facilitator-board")

    first = guest_joins(browser, site, code)
    assert_accessible(first, "83-guest-board")
    first.get_by_label("What gets in the way (barriers)").check()
    first.get_by_label("Your note").fill("Meetings happen when we are at school")
    first.get_by_role("button", name="Add your note").click()
    assert first.get_by_text("Thank you. Your note is on the board.").is_visible()

    second = guest_joins(browser, site, code)
    second.get_by_role(
        "button", name="Support the note: Meetings happen when we are at school"
    ).click()
    assert second.get_by_text("You support this", exact=True).is_visible()
    second.get_by_label("What helps (enablers)").check()
    second.get_by_label("Your note").fill("A youth worker we already trust")
    second.get_by_role("button", name="Add your note").click()
    assert_accessible(second, "84-guest-supported")
    with scopes_disabled():
        assert Note.objects.get(text="Meetings happen when we are at school").supports == 1

    # The facilitator's board says that notes have arrived, and shows them when asked.
    page.get_by_label("Your note").fill("Typed here")  # nothing reloads under someone typing
    page.clock.run_for(16_000)
    assert page.get_by_role("status").get_by_text("2 new notes.").is_visible()
    assert page.get_by_label("Your note").input_value() == "Typed here"
    page.get_by_role("link", name="Show the new notes").click()
    assert page.get_by_text("Meetings happen when we are at school (1 support)").is_visible()
    page.get_by_role(
        "link", name="Add to the review (note: Meetings happen when we are at school)"
    ).click()
    assert_accessible(page, "85-promote")
    page.get_by_label("Where should it go?").select_option(index=1)
    page.get_by_role("button", name="Add it").click()
    assert page.get_by_text("Added to the").first.is_visible()
    page.get_by_role("button", name="Finish the workshop").click()
    assert page.get_by_text("The workshop has finished; the code no longer works.").is_visible()
    assert_accessible(page, "86-finished-board")
    with scopes_disabled():
        workshop = Workshop.objects.get(title="Barriers to hearing children")
        assert not workshop.is_open
        assert Note.objects.get(text="Meetings happen when we are at school").promoted_to

    # The guests' board is closed to them now.
    first.reload()
    assert first.get_by_role("heading", name="Join a workshop").is_visible()


def test_young_scrutineer_sees_you_said_we_did(site, page):
    page.set_viewport_size(PHONE)
    sign_in_with_app(page, site, email="young@northshire.example", welcome="Welcome, Jay")
    page.get_by_role("link", name="You said, we did").first.click()
    assert page.get_by_role("heading", name="You said, we did").is_visible()
    assert page.get_by_text("We did", exact=True).first.is_visible()
    assert_accessible(page, "87-young-you-said")
    page.get_by_role("link", name="Tell the partnership something").click()
    page.get_by_label("What do you want to tell the partnership?").fill(
        "More meetings after school, please."
    )
    page.get_by_role("button", name="Send it to the partnership").click()
    assert page.get_by_text("Thank you. The partnership will reply by").is_visible()
    assert_accessible(page, "88-young-sent")
