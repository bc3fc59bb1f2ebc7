"""The survey's part of the demo: Northshire's 2024 and 2025 waves of realistic synthetic
responses (the 2025 wave by personal invitation, with response rates per agency), coded
comments, and a 2026 wave open now so that it shows on the home page."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.utils import timezone
from django_scopes import scope

from framework.selectors import current_edition
from partnerships.models import Agency, Membership
from surveys import services
from surveys.models import Answer, Comment, CommentCode, Invitation, ResourceAnswer, Response

# Who answers in one partnership: one independent scrutineer, one business manager, a small
# business unit, and mostly agency staff (weights, not counts).
POSITIONS = [
    ("IS", 1),
    ("BM", 1),
    ("BU", 3),
    ("Health", 14),
    ("Local authority", 14),
    ("Education", 10),
    ("The Police", 6),
    ("Other", 9),
]
SERVICE = ["less than 1 year", "1-2 years", "3-4 years", "> 4 years"]
EXPERIENCE = ["less than 1 year", "1-2 years", "3-5 years", "6-9 years", "10-20 years", ">20 years"]
LSCB = ["No", "Yes - up to 5 years", "Yes 5-10 years", "Yes - over 10 years"]

COMMENTS = {
    1: [
        "The three partners now meet monthly and the executive group feels genuinely joint, "
        "though health attendance dipped over the winter.",
        "Our scrutineer's challenge on the neglect strategy was uncomfortable but it changed "
        "the plan for the better.",
        "Decisions still feel local-authority led; police and health leads rarely bring items.",
    ],
    2: [
        "Schools are much better represented since the education reference group started.",
        "Information sharing at the front door works, but GP practices are still hard to reach.",
    ],
    3: [
        "The learning briefings after each rapid review are short and practical, and staff use them.",
        "We publish learning but rarely check whether practice changed six months later.",
    ],
    4: [
        "The early help offer is clearer, but waiting times for family support have grown.",
        "The new data dashboard lets the subgroup see trends before they become crises.",
    ],
    5: [
        "Multi-agency training on neglect was excellent and oversubscribed.",
        "Thresholds are still understood differently by police and schools.",
    ],
    6: [
        "The young scrutineers' review of the front door led to a new leaflet for families.",
        "We ask families for feedback but rarely tell them what we did with it.",
    ],
}
CODE_HINTS = {
    "challenge": "Organisations and agencies are challenged appropriately, holding one another to account effectively",
    "Schools": "Schools, colleges and other educational providers are included in discussions leading to multi-agency strategic decisions",
    "learning": "5.1 Learning culture",
    "families": "3.1 Participation in strategy",
    "still": "Barrier",
    "better": "Enabler",
    "excellent": "Enabler",
    "clearer": "Enabler",
    "rarely": "Barrier",
}


def _weighted(rng: random.Random, options: list[tuple[str, int]]) -> str:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


def _answers(rng: random.Random, quality: float) -> tuple[int | None, int | None, int | None]:
    """One person's answers to a statement whose true tendency is `quality` (0 to 1)."""
    if rng.random() < 0.06:
        return None, None, None
    if rng.random() < 0.07:
        truth = 6
    else:
        score = min(max(rng.gauss(quality, 0.22), 0), 0.999)
        truth = 5 - int(score * 5)  # 1 completely true ... 5 not true at all
    change = rng.choices([1, 2, 3, 4, 5], weights=[3 + quality * 4, 5, 1, 2, 1])[0]
    importance = rng.choices([1, 2, 3, 4, 5], weights=[7, 4, 1, 0.3, 0.5])[0]
    return truth, change, importance


def _respond(wave, rng: random.Random, count: int, improvement: float) -> None:
    statements = list(wave.statements.filter(included=True).order_by("number"))
    categories = {s.category.number: s.category for s in statements}
    responses, answers, comments = [], [], []
    for _ in range(count):
        position = _weighted(rng, POSITIONS)
        response = Response(
            partnership=wave.partnership,
            wave=wave,
            submitted=True,
            position=position,
            region="North West" if rng.random() > 0.1 else "",
            service_length=rng.choice(SERVICE) if rng.random() > 0.05 else "",
            leadership_experience=rng.choice(EXPERIENCE) if rng.random() > 0.05 else "",
            professional_experience=rng.choice(EXPERIENCE[1:]) if rng.random() > 0.05 else "",
            lscb_experience=rng.choice(LSCB) if rng.random() > 0.04 else "",
        )
        responses.append(response)
        for s in statements:
            # Participation (30-34) is the weakest area, as in the report; leadership the strongest.
            quality = 0.62 - 0.05 * s.category.number + improvement + (s.number % 5) * 0.02
            truth, change, importance = _answers(rng, quality)
            if truth is None:
                continue
            answers.append(
                Answer(
                    partnership=wave.partnership,
                    response=response,
                    statement=s,
                    truth=truth,
                    change=change,
                    importance=importance,
                )
            )
        for number, texts in COMMENTS.items():
            if number in categories and rng.random() < 0.22:
                comments.append(
                    Comment(
                        partnership=wave.partnership,
                        response=response,
                        category=categories[number],
                        text=rng.choice(texts),
                    )
                )
    Response.objects.bulk_create(responses)
    Answer.objects.bulk_create(answers, batch_size=2000)
    Comment.objects.bulk_create(comments)


def _code(partnership) -> None:
    codes = {c.name: c for c in CommentCode.objects.filter(partnership=partnership)}
    for comment in Comment.objects.filter(partnership=partnership):
        chosen = {
            codes[name]
            for hint, name in CODE_HINTS.items()
            if hint in comment.text and name in codes
        }
        if chosen:
            comment.codes.set(chosen)


# How often respondents said each resource is adequate (close to the report's Table A11).
ADEQUATE = {"financial": 0.44, "staffing": 0.45, "systems": 0.48, "training": 0.74}
NEEDED = [
    "A data analyst shared across the partners, so we can see trends by type of harm.",
    "Business support for the subgroups: minutes and actions take up practitioners' time.",
    "One data system the partners can all read, instead of three spreadsheets.",
    "More multi-agency training places, and time released to attend them.",
    "Ring-fenced money for learning reviews, so they do not wait for the next budget.",
    "Fairer contributions from partners as the child population grows.",
    "A participation worker to support the young scrutineers.",
]


def _resources(wave, rng: random.Random) -> None:
    """Answers on resources for a wave that asked them (its own generator, so the rest of the
    demo's numbers do not move)."""
    answers = []
    for response in Response.objects.filter(wave=wave, submitted=True).order_by("pk"):
        values = {
            name: ("" if rng.random() < 0.08 else "yes" if rng.random() < share else "no")
            for name, share in ADEQUATE.items()
        }
        needed = rng.choice(NEEDED) if rng.random() < 0.2 else ""
        if any(values.values()) or needed:
            answers.append(
                ResourceAnswer(
                    partnership=wave.partnership, response=response, needed=needed, **values
                )
            )
    ResourceAnswer.objects.bulk_create(answers)


def demo_surveys(partnerships: dict) -> None:
    northshire = partnerships["northshire"]
    edition = current_edition()
    today = timezone.localdate()
    rng = random.Random(2024)  # noqa: S311 (synthetic demo data, repeatable on purpose)
    with scope(partnership=northshire):
        manager = Membership.objects.get(
            partnership=northshire, user__email="manager@northshire.example"
        ).user
        first = services.wave_create(
            partnership=northshire,
            edition=edition,
            title="Northshire partnership survey 2024",
            period="2024",
            opens_on=date(2024, 4, 8),
            closes_on=date(2024, 5, 17),
            mode="link",
            asks_resources=True,
            actor=manager,
        )
        _respond(first, rng, 48, 0.0)
        _resources(first, random.Random(11))  # noqa: S311 (synthetic demo data)
        second = services.wave_create(
            partnership=northshire,
            edition=edition,
            title="Northshire partnership survey 2025",
            period="2025",
            opens_on=date(2025, 4, 7),
            closes_on=date(2025, 5, 16),
            mode="invitations",
            actor=manager,
        )
        agencies = list(Agency.objects.filter(partnership=northshire).order_by("name"))
        invitations = []
        for index in range(84):
            agency = agencies[index % len(agencies)]
            invitations.append(
                Invitation(
                    partnership=northshire,
                    wave=second,
                    agency=agency,
                    email=f"colleague{index + 1}@northshire.example",
                    token_hash=services._hash(f"demo-{second.pk}-{index}"),
                    completed=index % 4 != 3,  # 63 of 84 answered
                )
            )
        Invitation.objects.bulk_create(invitations)
        _respond(second, rng, 63, 0.06)
        third = services.wave_create(
            partnership=northshire,
            edition=edition,
            title="Northshire partnership survey 2026",
            period="2026",
            opens_on=today - timedelta(days=7),
            closes_on=today + timedelta(days=21),
            mode="link",
            actor=manager,
        )
        _respond(third, rng, 9, 0.08)
        _code(northshire)
