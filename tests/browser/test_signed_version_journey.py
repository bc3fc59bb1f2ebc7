"""A lead partner reads the summary of the fixed version, signs with a reservation, and the
business manager sees it; once the report is published, a priority added afterwards does not
appear on the public page. axe-core checks each new page."""

from __future__ import annotations

import pytest
from django_scopes import scopes_disabled

from demo.reviews import SIGNERS_BY_BODY
from tests.browser.conftest import assert_accessible
from tests.browser.test_trust_journey import sign_in_with_app

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_with_a_reservation_then_publish_what_was_signed(site, page, browser):
    from partnerships.models import Partnership
    from planning.models import Priority
    from reports.models import NarrativeSection, YearlyReport
    from reviews.models import Review

    with scopes_disabled():
        northshire = Partnership.objects.get(slug="northshire")
        report = YearlyReport.objects.create(
            partnership=northshire,
            period="2025-26",
            review=Review.objects.get(partnership=northshire, period="2025-26"),
        )
        NarrativeSection.objects.create(
            partnership=northshire,
            report=report,
            heading="Introduction",
            text="A year of steady progress.",
        )
    sign_in_with_app(page, site)
    page.goto(f"{site}/p/northshire/reports/{report.pk}/sign-off/")
    page.get_by_role("button", name="Ask every partner body to sign off").click()
    assert page.get_by_text("Sign-off has been requested from every partner body.").is_visible()

    bodies = list(SIGNERS_BY_BODY.items())
    for index, (body, email) in enumerate(bodies):
        signer = browser.new_context().new_page()
        sign_in_with_app(signer, site, email=email, welcome="Welcome")
        signer.get_by_role("link", name="Yearly report 2025-26 is ready for your sign-off").click()
        assert signer.get_by_role("heading", name="What you are signing").is_visible()
        if index == 0:
            assert_accessible(signer, "31-what-you-are-signing")
            signer.get_by_role("link", name="Read the whole version you are signing").click()
            assert signer.get_by_text("A year of steady progress.").is_visible()
            assert_accessible(signer, "32-the-whole-version")
            signer.go_back()
            signer.get_by_label(body).check()
            signer.get_by_label("Sign with a reservation").check()
            signer.get_by_label("Comment, reservation or reason").fill(
                "The neglect audit figures are provisional."
            )
        else:
            signer.get_by_label(body).check()
        signer.get_by_role("button", name="Send your decision").click()
        assert signer.get_by_text("signed").first.is_visible()
        signer.context.close()

    page.reload()
    assert page.get_by_text("The neglect audit figures are provisional.").is_visible()
    assert page.get_by_text("With a reservation").is_visible()
    assert_accessible(page, "33-sign-off-with-reservation")
    page.goto(f"{site}/p/northshire/reports/{report.pk}/")
    page.get_by_role("button", name="Publish the report").click()
    assert page.get_by_text("The report is published.").is_visible()

    with scopes_disabled():
        Priority.objects.create(
            partnership=northshire, edition=report.review.edition, title="Added after publication"
        )
    visitor = browser.new_context().new_page()
    visitor.goto(f"{site}/yearly-reports/northshire/2025-26/")
    assert visitor.get_by_role("heading", name="Sign-off").is_visible()
    assert visitor.get_by_text("The neglect audit figures are provisional.").is_visible()
    assert visitor.get_by_text("Added after publication").count() == 0
    assert_accessible(visitor, "34-published-as-signed")
    visitor.context.close()
