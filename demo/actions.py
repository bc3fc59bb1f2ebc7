"""Learning and actions in the demo: a rapid review's recommendations turned into actions (two
overdue, one escalated and answered by the lead partners), good practice, and challenges."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone
from django_scopes import scope

from actions.models import Action, Challenge, Escalation, LearningSource, Recommendation
from framework.models import Outcome
from framework.selectors import current_edition
from partnerships.models import Agency, Membership
from planning.models import Priority

RECOMMENDATIONS = [
    "Agencies should use the graded care profile when neglect is suspected.",
    "Health visitors and schools should share concerns about the same family within a week.",
    "The partnership should check that learning from this review has changed practice within a year.",
]


def demo_actions(partnerships: dict) -> None:
    northshire = partnerships["northshire"]
    edition = current_edition()
    today = timezone.localdate()
    outcomes = {o.code: o for o in Outcome.objects.filter(edition=edition)}
    with scope(partnership=northshire):
        manager = Membership.objects.get(
            partnership=northshire, user__email="manager@northshire.example"
        ).user
        lead = Membership.objects.get(
            partnership=northshire, user__email="la-lead@northshire.example"
        ).user
        agencies = {a.name: a for a in Agency.objects.filter(partnership=northshire)}
        agency_list = list(agencies.values())
        neglect = Priority.objects.filter(partnership=northshire, title="Neglect").first()
        review = LearningSource.objects.create(
            partnership=northshire,
            kind=LearningSource.Kind.RAPID_REVIEW,
            title="Rapid review: Child H",
            date=today - timedelta(days=200),
            summary="A two-year-old admitted to hospital after prolonged neglect; several agencies "
            "had seen signs but none had the whole picture.",
        )
        recs = [
            Recommendation.objects.create(partnership=northshire, source=review, number=i, text=t)
            for i, t in enumerate(RECOMMENDATIONS, start=1)
        ]
        plan = [
            # (recommendation, title, agency, due in days, status, completion, impact, outcome codes)
            (
                0,
                "Train all health visitors in the graded care profile",
                0,
                -60,
                Action.Status.DONE,
                "42 of 45 health visitors trained by September.",
                "Audit of 20 cases: the profile was used in 17, up from 4.",
                ["4.3", "1.2"],
            ),
            (
                1,
                "Agree a one-week information-sharing standard between schools and health visiting",
                1,
                -30,
                Action.Status.IN_PROGRESS,
                "",
                "",
                ["4.2"],
            ),
            (
                1,
                "Add the standard to the multi-agency information-sharing protocol",
                2,
                -10,
                Action.Status.NOT_STARTED,
                "",
                "",
                ["4.2"],
            ),
            (
                2,
                "Re-audit neglect cases a year after the review",
                3,
                150,
                Action.Status.NOT_STARTED,
                "",
                "",
                ["5.1"],
            ),
            (
                2,
                "Publish a seven-minute briefing for practitioners",
                0,
                -90,
                Action.Status.DONE,
                "Briefing published and discussed in 14 team meetings.",
                "",
                ["5.1"],
            ),
        ]
        actions = []
        for rec, title, agency, days, status, done, impact, codes in plan:
            action = Action.objects.create(
                partnership=northshire,
                source=review,
                recommendation=recs[rec],
                title=title,
                owner_agency=agency_list[agency % len(agency_list)],
                lead="Named lead",
                due_date=today + timedelta(days=days),
                status=status,
                completed_on=today + timedelta(days=days - 5)
                if status == Action.Status.DONE
                else None,
                completion_evidence=done,
                impact_evidence=impact,
                priority=neglect,
            )
            action.outcomes.set([outcomes[c] for c in codes])
            actions.append(action)
        Escalation.objects.create(
            partnership=northshire,
            action=actions[1],
            raised_on=today - timedelta(days=20),
            raised_by=manager,
            reason="Two months late: the education and health leads cannot agree "
            "who sends the first message.",
            response="The three leads agreed that the school's designated safeguarding lead starts "
            "the contact; the standard is to be signed by the end of the month.",
            responded_by=lead,
            responded_on=today - timedelta(days=12),
        )
        LearningSource.objects.create(
            partnership=northshire,
            kind=LearningSource.Kind.GOOD_PRACTICE,
            title="Riverton family hub's neglect drop-in",
            date=today - timedelta(days=45),
            summary="Parents can walk in for practical help; 60 families used it in its first term.",
            shared_how="Presented at the partnership's learning event and in the newsletter; the team "
            "was thanked by the executive group.",
        )
        LearningSource.objects.create(
            partnership=northshire,
            kind=LearningSource.Kind.GOOD_PRACTICE,
            title="Schools' safeguarding leads network",
            date=date(2025, 1, 22),  # in 2024-25, so the published yearly report shares it
            summary="Designated safeguarding leads from 48 schools meet each term with health "
            "visiting and early help; referrals from schools are now clearer and better evidenced.",
            shared_how="Written up as a case study for the regional safeguarding network and "
            "presented by two school leads at the partnership's annual conference.",
        )
        challenges = [
            (
                "Independent scrutineer",
                0,
                "Late attendance at strategy meetings",
                "Police attendance at strategy meetings fell to 70% in the summer.",
                "A duty sergeant now covers strategy meetings every weekday.",
                Challenge.Status.RESOLVED,
                "",
            ),
            (
                "Riverton City Council",
                2,
                "Health information at the front door",
                "Health checks for front-door referrals are taking more than 48 hours.",
                "A second health practitioner joins the front door in January.",
                Challenge.Status.RESPONDED,
                "",
            ),
            (
                "Northshire County Council",
                1,
                "Exclusions without a safeguarding check",
                "Two schools excluded children on child protection plans without telling social workers.",
                "",
                Challenge.Status.ESCALATED,
                "Escalated to the executive group for the next meeting.",
            ),
        ]
        for index, (by, agency, subject, detail, response, status, resolution) in enumerate(
            challenges
        ):
            challenge = Challenge.objects.create(
                partnership=northshire,
                raised_on=today - timedelta(days=30 * (index + 1)),
                raised_by=by,
                raised_with=agency_list[agency % len(agency_list)],
                subject=subject,
                detail=detail,
                response=response,
                responded_on=today - timedelta(days=30 * index + 10) if response else None,
                status=status,
                resolution=resolution,
            )
            challenge.outcomes.set([outcomes["2.1"]])
