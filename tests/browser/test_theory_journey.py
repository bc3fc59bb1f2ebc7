"""The business manager makes the partnership's theory of change their own in the browser:
adds an activity with its pathway and its "because", sees it as a branch of their tree (a link
to its page), then puts the outcome it serves into this year's review focus, where the focus
page names the activity. axe-core checks each page."""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_accessible
from tests.browser.test_trust_journey import sign_in_with_app

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACTIVITY = "Restorative supervision for managers after serious incidents"


def test_manager_adds_an_activity_sees_it_on_the_tree_and_sets_the_focus(site, page):
    sign_in_with_app(page, site)
    page.get_by_role("link", name="Framework", exact=True).first.click()
    page.get_by_role("link", name="Our theory of change", exact=True).first.click()
    assert page.get_by_role("heading", name="Our theory of change").is_visible()
    assert_accessible(page, "90-theory-years")
    page.get_by_role("link", name="2025-26").click()
    assert page.get_by_role("heading", name="Our theory of change 2025-26").is_visible()
    assert page.get_by_text("No activity leads yet to").is_visible()
    assert page.get_by_text("5.2 Just and fair culture").first.is_visible()
    assert_accessible(page, "91-theory-year")

    page.get_by_role("link", name="Add an activity").click()
    page.get_by_role("button", name="Save the activity").click()  # nothing typed
    assert page.get_by_role("alert").get_by_text("Enter the activity.").is_visible()
    page.get_by_label("Activity").fill(ACTIVITY)
    page.get_by_label("Who delivers it").fill("Learning and development subgroup")
    page.get_by_role("button", name="Save the activity").click()
    assert page.get_by_text("Now say which outcomes it leads to, and why.").is_visible()
    page.get_by_label("Leads to the outcome").select_option(label="5.2 Just and fair culture")
    page.get_by_label("Because").fill(
        "managers who are supported stop looking for someone to blame"
    )
    page.get_by_role("button", name="Add the pathway").click()
    assert page.get_by_text("stop looking for someone to blame").is_visible()
    assert_accessible(page, "92-theory-activity")

    page.get_by_role("link", name="Back to the 2025-26 theory of change").click()
    tree = page.locator("svg.macs-tree")
    assert tree.is_visible()
    # The branch is drawn on the tree and links to the activity's page.
    branch = tree.locator("a").filter(has_text="Restorative supervision")
    assert branch.count() == 1
    branch.first.click()
    assert page.get_by_role("heading", name="Activity: Restorative supervision").is_visible()

    page.goto(site + "/p/northshire/reviews/")
    page.get_by_role("link", name="Effectiveness review 2025-26").click()
    page.get_by_role("link", name="Choose this year's focus").click()
    assert page.get_by_text(f"Our activities for it: {ACTIVITY}.").is_visible()
    page.get_by_label("5.2 Just and fair culture").check()
    page.get_by_role("group", name="Indicators of 5.2 in focus").get_by_label(
        "5.2.1", exact=False
    ).first.check()
    page.get_by_role("button", name="Save this year's focus").click()
    assert page.get_by_text("In focus this year: 7 of 16 outcomes.").is_visible()
