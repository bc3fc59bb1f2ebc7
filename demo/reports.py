"""The yearly report in the demo: Northshire's 2024-25 report, drawing on the signed-off
2024-25 review, the 2024 survey wave and the 2024-25 resources, with the business manager's
sections, signed off by every partner body and published."""

from __future__ import annotations

from django_scopes import scope

from demo.reviews import sign_by_every_body
from partnerships.models import Membership
from reports import services
from reports.models import NarrativeSection, YearlyReport
from resources.models import ResourceYear
from reviews.models import Review
from surveys.models import Wave

INTRODUCTION = (
    "2024-25 was the partnership's first full year using the MACS framework. The three safeguarding "
    "partners agreed neglect as the shared priority, heard more from young people and families than "
    "ever before, and reviewed every one of the framework's indicators with evidence.\n\n"
    "The year was not easy: rapid reviews rose, and partners' budgets were stretched. This report "
    "sets out, outcome by outcome, what was achieved and what remains to do."
)
AHEAD = (
    "In 2025-26 the partnership will finish the information-sharing standard between schools and "
    "health visiting, re-audit neglect cases a year after the rapid review of Child H, and give the "
    "young scrutineers a seat at the priorities day."
)


def demo_reports(partnerships: dict) -> None:
    northshire = partnerships["northshire"]
    with scope(partnership=northshire):
        manager = Membership.objects.get(
            partnership=northshire, user__email="manager@northshire.example"
        ).user
        report = YearlyReport.objects.create(
            partnership=northshire,
            period="2024-25",
            review=Review.objects.filter(period="2024-25").first(),
            wave=Wave.objects.filter(period="2024").first(),
            resource_year=ResourceYear.objects.filter(year="2024-25").first(),
        )
        NarrativeSection.objects.create(
            partnership=northshire,
            report=report,
            position=0,
            heading="Introduction",
            text=INTRODUCTION,
        )
        NarrativeSection.objects.create(
            partnership=northshire,
            report=report,
            position=1,
            heading="Looking ahead",
            text=AHEAD,
            after_outcomes=True,
        )
        services.report_request_signoff(report=report, actor=manager)
        sign_by_every_body(
            northshire,
            report,
            reservations={
                "Northshire Police": "Police figures for the second half of the year "
                "are provisional until the force's annual return is audited."
            },
        )
        services.report_publish(report=report, actor=manager)
