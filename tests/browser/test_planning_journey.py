"""The business manager plans a priority end to end in the browser: the five steps, a pathway
with its "because", a resource, the six principles, then asks for sign-off; the tree and the
logic model show the plan. Then the action log with an escalation. axe-core checks each page."""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_accessible
from tests.browser.test_trust_journey import sign_in_with_app

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_plans_a_priority_end_to_end(site, page):
    sign_in_with_app(page, site)
    page.get_by_role("link", name="Priorities", exact=True).first.click()
    assert_accessible(page, "60-priorities")
    page.get_by_role("link", name="Plan a priority").click()
    page.get_by_label("Priority").fill("Exploitation outside the home")
    page.get_by_role("button", name="Start planning").click()

    assert page.get_by_role("heading", name="Step one: Identifying the issue").is_visible()
    assert_accessible(page, "61-step-one")
    page.get_by_label("The issue").fill("Young people in Riverton are drawn into county lines.")
    page.get_by_label("Who is affected (target groups)").fill(
        "Young people aged 12 to 17\nParents and carers"
    )
    page.get_by_label("The change hoped for overall").fill("Fewer young people are exploited.")
    page.get_by_role("button", name="Save and continue").click()

    assert page.get_by_role("heading", name="Step two: Identifying the outcomes").is_visible()
    page.get_by_label("Young people aged 12 to 17").check()
    page.get_by_label("Short term").check()
    page.get_by_label("What will be better for this group?").fill(
        "Young people know a trusted adult to turn to."
    )
    page.get_by_role("button", name="Save the outcome").click()
    assert_accessible(page, "62-step-two")

    # Moving on keeps what was typed: a second outcome, never saved with its own button.
    page.get_by_label("Parents and carers").check()
    page.get_by_label("Medium term").check()
    page.get_by_label("What will be better for this group?").fill(
        "Parents know the signs and where to get help."
    )
    page.get_by_role("button", name="Save and go to the next step").click()
    assert page.get_by_role("heading", name="Step three: Activities").is_visible()
    page.get_by_role("button", name="Save and go back a step").click()  # nothing typed: no error
    assert page.get_by_text("Parents know the signs and where to get help.").is_visible()
    page.get_by_role("button", name="Save and go to the next step").click()
    page.get_by_label("Activity").fill("Detached youth work in the town centre")
    page.get_by_role("button", name="Save the activity").click()
    page.get_by_label("Leads to the outcome").select_option(
        label="Young people know a trusted adult to turn to."
    )
    page.get_by_label("Because").fill("youth workers meet young people where they are")
    page.get_by_role("button", name="Add the pathway").click()
    assert page.get_by_text("youth workers meet young people where they are").is_visible()
    assert_accessible(page, "63-activity")

    page.goto(page.url.split("activities/")[0] + "step/4/")
    page.get_by_label("Activity").select_option(label="Detached youth work in the town centre")
    page.get_by_label("Staff time").check()
    page.get_by_label("What is needed").fill("Two youth workers, three evenings a week")
    page.get_by_label("Who provides it").fill("Riverton City Council")
    page.get_by_role("button", name="Save the resource").click()
    assert_accessible(page, "64-step-four")

    page.get_by_role("button", name="Save and go to the next step").click()
    for box in page.get_by_role("textbox").all():
        box.fill("We will test this with young people.")
    page.get_by_role("button", name="Save reflections").click()
    assert page.get_by_text("Reflections saved: 6 of 6 principles.").is_visible()
    assert_accessible(page, "65-step-five")

    page.get_by_role("button", name="Save and see the whole plan").click()
    page.get_by_role("link", name="The priority's tree").click()
    assert page.locator("svg.macs-tree").is_visible()
    assert_accessible(page, "66-priority-tree")
    page.go_back()
    page.get_by_role("link", name="Logic model (printable)").click()
    assert page.get_by_role(
        "cell", name="youth workers meet young people where they are"
    ).is_visible()
    assert_accessible(page, "67-logic-model")
    page.go_back()
    page.get_by_role("link", name="Joint sign-off").click()
    page.get_by_role("button", name="Ask every partner body to sign off").click()
    assert page.get_by_text("Sign-off has been requested from every partner body.").is_visible()
    assert_accessible(page, "68-priority-sign-off")


def test_manager_escalates_an_overdue_action(site, page):
    sign_in_with_app(page, site)
    page.get_by_role("link", name="Actions", exact=True).first.click()
    assert page.get_by_role("heading", name="Learning and actions").is_visible()
    assert_accessible(page, "69-actions")
    page.get_by_role(
        "link", name="Add the standard to the multi-agency information-sharing protocol"
    ).click()
    page.get_by_label("Why it needs the lead partners").fill("No agency has started it.")
    page.get_by_role("button", name="Escalate to the lead partners").click()
    assert page.get_by_text("Awaiting the lead partners' response").is_visible()
    assert_accessible(page, "70-action-escalated")
    page.get_by_role("link", name="Back to learning and actions").click()
    page.get_by_role("link", name="Challenge log").first.click()
    assert page.get_by_role("cell", name="Resolved").is_visible()
    assert_accessible(page, "71-challenges")
