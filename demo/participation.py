"""Participation in the demo: Northshire's young scrutineers and family panel with feedback
and responses (one overdue), consented diversity counts, a published "You said, we did" page,
a finished workshop whose notes became part of the "Neglect" plan, and a workshop open now."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from actions.models import Action
from framework.models import Outcome, OutcomeCategory
from framework.selectors import current_edition
from participation.models import (
    Column,
    DiversityCount,
    Feedback,
    Note,
    NoteGroup,
    VoiceGroup,
    Workshop,
    YouSaidPage,
)
from participation.workshops import new_code
from partnerships.models import Membership
from planning.models import Activity, Pathway, Priority, PriorityOutcome

YOUNG_DIVERSITY = {
    DiversityCount.Characteristic.AGE: {"12 to 14": 4, "15 to 17": 7, "18 to 21": 3},
    DiversityCount.Characteristic.GENDER: {
        "Girls and young women": 8,
        "Boys and young men": 5,
        "Another way or prefer not to say": 1,
    },
    DiversityCount.Characteristic.ETHNICITY: {
        "White British": 8,
        "Asian or Asian British": 3,
        "Black or Black British": 2,
        "Mixed or another group": 1,
    },
    DiversityCount.Characteristic.EXPERIENCE: {
        "Care experienced": 5,
        "Young carer": 2,
        "Neither or prefer not to say": 7,
    },
}

FEEDBACK = [
    # (group, days ago, said, outcome codes, status, response, who, public, links)
    (
        "young",
        150,
        "We don't know who to talk to at school when something is wrong at home.",
        ["3.2", "4.2"],
        Feedback.Status.DONE,
        "Every secondary school now shows the name and photo of its safeguarding lead in every "
        "classroom, and you helped write the poster.",
        "Priya Shah, business manager",
        True,
        "action",
    ),
    (
        "young",
        110,
        "Meetings about young people use words we don't understand.",
        ["3.1"],
        Feedback.Status.DONE,
        "The partnership now sends a one-page plain-English summary after each "
        "meeting, checked by two young scrutineers before it goes out.",
        "Priya Shah, business manager",
        True,
        "",
    ),
    (
        "young",
        60,
        "Young people should help choose the partnership's priorities.",
        ["3.1", "1.1"],
        Feedback.Status.CONSIDERING,
        "Two young scrutineers will join the priorities day in March. "
        "We will tell you what was decided.",
        "Independent chair",
        True,
        "",
    ),
    (
        "young",
        40,
        "Our social workers change too often and we have to tell our story again.",
        ["3.2", "5.2"],
        Feedback.Status.AWAITING,
        "",
        "",
        False,
        "",
    ),
    (
        "family",
        130,
        "Parents are scared that asking for help means their children will be taken away.",
        ["3.1", "3.3"],
        Feedback.Status.DONE,
        "The family hubs now explain early help in plain words, "
        "and parents from the panel co-deliver the neglect training.",
        "Neglect priority group",
        True,
        "priority",
    ),
    (
        "family",
        10,
        "Letters from services are hard to read for parents whose first language is not English.",
        ["3.3"],
        Feedback.Status.AWAITING,
        "",
        "",
        False,
        "",
    ),
]

# Easy-read words for the public items, by what was said: (what they told us, what we did).
EASY_READ = {
    "We don't know who to talk to at school when something is wrong at home.": (
        "You did not know who to talk to at school when something is wrong at home.",
        "Every secondary school now has a poster in every classroom. The poster shows the "
        "person to talk to. You helped write the poster.",
    ),
    "Meetings about young people use words we don't understand.": (
        "Meetings about young people use words you do not understand.",
        "After each meeting we send a short summary in plain words. "
        "Two young scrutineers check it first.",
    ),
    "Young people should help choose the partnership's priorities.": (
        "Young people should help choose what the partnership works on.",
        "Two young scrutineers will come to the day in March when we choose. "
        "We will tell you what we decided.",
    ),
    "Parents are scared that asking for help means their children will be taken away.": (
        "Parents are scared to ask for help. They worry their children will be taken away.",
        "The family hubs now explain help for families in plain words. "
        "Parents from the family panel help train staff.",
    ),
}

NEGLECT_NOTES = [
    # (column, text, supports)
    (Column.OUTCOMES, "Parents feel they can ask for help without being judged", 9),
    (Column.OUTCOMES, "Parents understand what 'good enough' care looks like", 6),
    (Column.OUTCOMES, "Children under 5 are seen by someone outside the family every month", 3),
    (Column.ACTIVITIES, "Drop-in help at the family hubs, no appointment", 8),
    (Column.ACTIVITIES, "Practical help at home: food, beds, heating", 7),
    (Column.ACTIVITIES, "Neglect champions in every school", 5),
    (Column.WHY, "Teachers and health visitors see children every day", 6),
    (Column.INDICATORS, "Fewer re-referrals for neglect within a year", 4),
    (Column.INDICATORS, "Parents' panel says help felt supportive", 5),
    (Column.ENABLERS, "Family hubs are trusted in the community", 6),
    (Column.BARRIERS, "Cost of living pressures on families", 7),
    (Column.BARRIERS, "Thresholds understood differently by each agency", 5),
]

PARTICIPATION_NOTES = [
    (Column.OUTCOMES, "Young people see their ideas change something", 4),
    (Column.ACTIVITIES, "Young scrutineers visit the front door team", 2),
    (Column.BARRIERS, "Meetings are in school time", 3),
]


def demo_participation(partnerships: dict) -> None:
    northshire = partnerships["northshire"]
    edition = current_edition()
    today = timezone.localdate()
    outcomes = {o.code: o for o in Outcome.objects.filter(edition=edition)}
    with scope(partnership=northshire):
        young = VoiceGroup.objects.create(
            partnership=northshire,
            name="Northshire Young Scrutineers",
            kind=VoiceGroup.Kind.YOUNG_SCRUTINEERS,
            respond_within_days=21,
            description="Fourteen young people aged 12 to 21 who scrutinise the partnership's work "
            "and meet every month.",
        )
        young.members.set(
            Membership.objects.filter(
                partnership=northshire, user__email="young@northshire.example"
            )
        )
        family = VoiceGroup.objects.create(
            partnership=northshire,
            name="Northshire Family Voices panel",
            kind=VoiceGroup.Kind.FAMILY_PANEL,
            respond_within_days=28,
            description="Parents and carers with experience of services, meeting every two months.",
        )
        as_at = today - timedelta(days=90)
        DiversityCount.objects.bulk_create(
            DiversityCount(
                partnership=northshire,
                group=young,
                as_at=as_at,
                characteristic=characteristic,
                category=category,
                count=count,
            )
            for characteristic, counts in YOUNG_DIVERSITY.items()
            for category, count in counts.items()
        )
        groups = {"young": young, "family": family}
        neglect = Priority.objects.filter(title="Neglect").first()
        action = Action.objects.order_by("pk").first()
        for key, days, said, codes, status, response, who, public, link in FEEDBACK:
            received = today - timedelta(days=days)
            feedback = Feedback.objects.create(
                partnership=northshire,
                group=groups[key],
                said=said,
                received_on=received,
                by_the_group=key == "young",
                respond_by=Feedback.due(received, groups[key]),
                status=status,
                response=response,
                responded_by=who,
                public=public,
                said_easy=EASY_READ.get(said, ("", ""))[0],
                response_easy=EASY_READ.get(said, ("", ""))[1],
                responded_on=received + timedelta(days=14) if response else None,
            )
            feedback.outcomes.set([outcomes[c] for c in codes])
            if link == "action" and action:
                feedback.actions.set([action])
            if link == "priority" and neglect:
                feedback.priorities.set([neglect])
        YouSaidPage.objects.create(
            partnership=northshire,
            published=True,
            published_on=today - timedelta(days=30),
            introduction="Young people, parents and carers tell us what matters to them. Here is "
            "what they said, and what the partnership did about it.",
        )
        if neglect:
            _neglect_workshop(northshire, neglect, today)
        participation = OutcomeCategory.objects.get(edition=edition, number=3)
        live = Workshop.objects.create(
            partnership=northshire,
            title="How do we hear children and families?",
            category=participation,
            code=new_code(),
            held_on=today,
            question="What would show that children's and families' views change what we do?",
        )
        _notes(live, PARTICIPATION_NOTES)


def _notes(workshop: Workshop, notes) -> list[Note]:
    return Note.objects.bulk_create(
        Note(partnership=workshop.partnership, workshop=workshop, column=c, text=t, supports=s)
        for c, t, s in notes
    )


def _neglect_workshop(northshire, neglect: Priority, today) -> None:
    """The workshop where the plan's parent outcome, family hub activity and context began."""
    workshop = Workshop.objects.create(
        partnership=northshire,
        title="Neglect: what would help families?",
        priority=neglect,
        code=new_code(),
        status=Workshop.Status.CLOSED,
        held_on=today - timedelta(days=120),
        question="Parents, young people and practitioners: what would make the most difference?",
    )
    notes = {n.text: n for n in _notes(workshop, NEGLECT_NOTES)}
    href = reverse("planning:priority", args=[northshire.slug, neglect.pk])
    parent_outcome = PriorityOutcome.objects.filter(
        priority=neglect, target_group="Parents and carers"
    ).first()
    hub = Activity.objects.filter(priority=neglect, title__startswith="Family support").first()
    champions = Pathway.objects.filter(
        activity__priority=neglect, activity__title__startswith="Neglect champions"
    ).first()
    helped = NoteGroup.objects.create(
        partnership=northshire,
        workshop=workshop,
        column=Column.OUTCOMES,
        name="Parents feel helped, not judged",
        promoted_to=f"a new outcome for Parents and carers in “{neglect}”"
        + (f": “{parent_outcome.text}”" if parent_outcome else ""),
        promoted_href=href,
    )
    Note.objects.filter(pk__in=[notes[t].pk for t in NEGLECT_NOTES_GROUPED if t in notes]).update(
        group=helped
    )
    promoted = [
        (
            "Drop-in help at the family hubs, no appointment",
            f"a new activity in “{neglect}”" + (f": “{hub.title}”" if hub else ""),
        ),
        (
            "Teachers and health visitors see children every day",
            f"why “{champions.activity.title[:40]}” works" if champions else "",
        ),
        ("Cost of living pressures on families", f"the contextual factors of “{neglect}”"),
    ]
    for text, where in promoted:
        if where:
            Note.objects.filter(pk=notes[text].pk).update(promoted_to=where, promoted_href=href)


NEGLECT_NOTES_GROUPED = [
    "Parents feel they can ask for help without being judged",
    "Parents understand what 'good enough' care looks like",
]
