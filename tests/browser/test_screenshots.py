"""Pictures of the pages people look at most, at laptop and phone width, and the first pages of
the yearly report's PDF, saved under test-artifacts/screenshots/ for a person to look at.
MACS_SCREENSHOTS=before (for example) puts them in a folder of that name, to compare a change
with what came before it. Each page is also checked to fit a 360 px phone."""

from __future__ import annotations

import os

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from tests.browser.conftest import ARTIFACTS
from tests.browser.test_trust_journey import sign_in_with_app

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


def _pages() -> dict[str, str]:
    from meetings.models import Meeting
    from resources.models import ResourceYear
    from reviews.models import Review
    from surveys.models import Wave
    from theory.models import TheoryOfChange
    from training.models import TrainingSession

    with scopes_disabled():
        review = Review.objects.get(partnership__slug="northshire", period="2025-26")
        wave = Wave.objects.filter(partnership__slug="northshire").order_by("pk").first()
        year = ResourceYear.objects.get(partnership__slug="northshire", year="2024-25")
        toc = TheoryOfChange.objects.get(partnership__slug="northshire", period="2025-26")
        activity = toc.activities.order_by("pk").first()
        meeting = Meeting.objects.filter(partnership__slug="northshire").order_by("pk").first()
        combined = TrainingSession.objects.get(
            partnership__slug="northshire", title__startswith="Listening to young people"
        )
        evaluating = TrainingSession.objects.get(
            partnership__slug="northshire", title="Graded care profile 2 for schools"
        )
    return {
        "home": reverse("partnerships:home", args=["northshire"]),
        "framework-tree": reverse("framework:tree", args=["northshire"]),
        "theory-of-change": reverse("theory:year", args=["northshire", toc.pk]),
        "theory-activity": reverse("theory:activity", args=["northshire", toc.pk, activity.pk]),
        "meeting": reverse("meetings:meeting", args=["northshire", meeting.pk]),
        "representation": reverse("meetings:representation", args=["northshire"]) + "?year=2024-25",
        "training-session": reverse("training:session", args=["northshire", combined.pk]),
        "training-session-evaluating": reverse(
            "training:session", args=["northshire", evaluating.pk]
        ),
        "training-year": reverse("training:year", args=["northshire"]) + "?year=2024-25",
        "review": reverse("reviews:review", args=["northshire", review.pk]),
        "review-tree": reverse("reviews:tree", args=["northshire", review.pk]),
        "review-focus": reverse("reviews:focus", args=["northshire", review.pk]),
        "survey-results": reverse("surveys:results", args=["northshire", wave.pk]),
        "resources-year": reverse("resources:year", args=["northshire", year.pk]),
        "audit-trail": reverse("audit:trail", args=["northshire"]),
        "where-we-stand": reverse("national:share", args=["northshire"]),
        "you-said-we-did-easy-read": reverse("participation:public_easy", args=["northshire"]),
        "outcomes-easy-read": reverse("framework:easy_read"),
    }


def test_screenshots_at_laptop_and_phone_width(site, page):
    sign_in_with_app(page, site)
    folder = ARTIFACTS / "screenshots" / os.environ.get("MACS_SCREENSHOTS", "")
    folder.mkdir(parents=True, exist_ok=True)
    too_wide = []
    for name, path in _pages().items():
        for size, viewport in (("laptop", LAPTOP), ("phone", PHONE)):
            page.set_viewport_size(viewport)
            page.goto(site + path)
            page.screenshot(path=str(folder / f"{name}-{size}.png"), full_page=True)
            width = page.evaluate("() => document.documentElement.scrollWidth")
            if size == "phone" and width > PHONE["width"]:
                too_wide.append(f"{name}: {width} px")
    assert too_wide == []


def test_pictures_of_the_yearly_report_pdf(site):  # the demo, restored
    import pypdfium2
    from django_scopes import scopes_disabled

    from reports.assemble import assemble
    from reports.models import YearlyReport
    from reports.pdf_renderer import render_pdf

    with scopes_disabled():
        report = YearlyReport.objects.get(partnership__slug="northshire", period="2024-25")
        pdf = render_pdf(assemble(report), partnership_name=report.partnership.name)
    folder = ARTIFACTS / "screenshots" / os.environ.get("MACS_SCREENSHOTS", "")
    folder.mkdir(parents=True, exist_ok=True)
    document = pypdfium2.PdfDocument(pdf)
    assert len(document) > 3
    for number in range(min(len(document), 8)):
        picture = document[number].render(scale=1.2).to_pil()
        picture.save(folder / f"yearly-report-pdf-page-{number + 1}.png")


def test_screenshot_of_your_partnerships_for_someone_on_two(site, page):
    sign_in_with_app(page, site, "police-lead@northshire.example", "Welcome, Gareth")
    folder = ARTIFACTS / "screenshots" / os.environ.get("MACS_SCREENSHOTS", "")
    folder.mkdir(parents=True, exist_ok=True)
    for size, viewport in (("laptop", LAPTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        page.goto(site + reverse("partnerships:chooser"))
        assert page.get_by_role("heading", name="Your partnerships").is_visible()
        page.screenshot(path=str(folder / f"your-partnerships-{size}.png"), full_page=True)
