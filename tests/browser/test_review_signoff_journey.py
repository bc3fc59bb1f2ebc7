"""The whole review cycle in the browser: the business manager signs in with two-factor, starts
a review and assigns an outcome's indicators to a subgroup; a subgroup member rates one with
evidence; the manager asks for sign-off, and every partner body signs through its own lead or
delegate until the review is signed off and locked. axe-core checks each new page."""

from __future__ import annotations

import pytest

from demo.reviews import SIGNERS_BY_BODY
from tests.browser.conftest import assert_accessible
from tests.browser.test_trust_journey import sign_in_with_app

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_review(page, period: str) -> None:
    page.get_by_role("link", name="Reviews", exact=True).first.click()
    page.get_by_role("link", name=f"Effectiveness review {period}").click()
    assert page.get_by_role("heading", name=f"Effectiveness review {period}").is_visible()


def test_review_from_start_to_joint_sign_off(site, page, browser):
    sign_in_with_app(page, site)
    page.get_by_role("link", name="Reviews", exact=True).first.click()
    page.get_by_label("Period").fill("2026-27")
    page.get_by_role("button", name="Start the review").click()
    assert page.get_by_role("heading", name="Effectiveness review 2026-27").is_visible()

    page.get_by_role("link", name="Assign indicators").click()
    assert_accessible(page, "28-assign")
    page.get_by_label("1.1 Vision").check()
    page.get_by_label("Assign to").select_option(
        label="Subgroup: Quality assurance and performance"
    )
    page.get_by_role("button", name="Assign").click()
    assert page.get_by_text("indicators assigned to Quality assurance and performance").is_visible()

    member = browser.new_context().new_page()
    sign_in_with_app(member, site, email="member@northshire.example", welcome="Welcome, Sam")
    open_review(member, "2026-27")
    member.get_by_role("link", name="Show only the indicators assigned to me").click()
    member.get_by_role("link", name="1.1.2", exact=True).first.click()
    member.get_by_label("Established").check()
    member.get_by_label("Commentary").fill("All three partners fund the business unit as agreed.")
    member.get_by_label("Multi-agency audit: neglect").check()
    member.get_by_role("button", name="Save rating").click()
    assert member.get_by_text("Rating for 1.1.2 saved.").is_visible()
    member.context.close()

    page.get_by_role("link", name="Sign-off").click()
    page.get_by_role("button", name="Ask every partner body to sign off").click()
    assert page.get_by_text("Sign-off has been requested from every partner body.").is_visible()
    assert_accessible(page, "29-sign-off-requested")

    for index, (body, email) in enumerate(SIGNERS_BY_BODY.items()):
        signer = browser.new_context().new_page()
        sign_in_with_app(signer, site, email=email, welcome="Welcome")
        open_review(signer, "2026-27")
        signer.get_by_role("link", name="Sign-off").click()
        signer.get_by_label(body).check()
        signer.get_by_role("button", name="Send your decision").click()
        if index == len(SIGNERS_BY_BODY) - 1:
            assert signer.get_by_text("Every partner body has signed").is_visible()
            assert_accessible(signer, "30-signed-off")
        signer.context.close()

    page.reload()
    assert (
        page.get_by_text("Every partner body has signed").first.is_visible()
        or page.get_by_text("Signed off").first.is_visible()
    )
