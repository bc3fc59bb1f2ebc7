"""National-scale data for the benchmark (`manage.py seed_national`): many partnerships, each
with years of reviews, evidence, survey waves, monitors, priorities and actions. Deterministic
(seeded per partnership) and written with bulk inserts, one transaction per partnership.

At the issue's full scale (137 partnerships) it writes about 4.2 million answer rows, each
holding the three answers to one statement: 12.6 million answers."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django_scopes import scopes_disabled

from actions.models import Action
from evidence.models import EvidenceItem
from framework.models import EvidenceSource, Indicator, Outcome, RatingLevel, SurveyCategory
from framework.selectors import current_edition
from monitoring.models import Monitor, MonitorValue
from national.models import SharedRating, SharedStatement, SharedSummary
from partnerships.models import Agency, Membership, PartnerBody, Partnership, Region, RoleAssignment
from partnerships.roles import Role
from planning.models import Priority
from reviews.models import OutcomeJudgement, Rating, Review
from surveys.models import Answer, Response, Wave, WaveStatement

SLUG = "bench-{:03d}"
PASSWORD = "bench-password-not-for-production"  # noqa: S105 (a benchmark's own accounts)


@dataclass(frozen=True)
class Scale:
    partnerships: int = 137
    years: int = 6
    evidence: int = 500
    responses: int = 150
    monitors: int = 20
    priorities: int = 10
    actions: int = 200


LOAD_PERIOD = "load"  # the open wave that the load test (benchmark/load.py) answers


def bench_email(index: int) -> str:
    return f"manager-{index:03d}@bench.example"


def seed_national(scale: Scale, *, seed: int = 2026, log=print) -> None:
    edition = current_edition()
    content = _content(edition)
    password = make_password(PASSWORD)  # hashed once: Argon2 per account would dominate
    with scopes_disabled():
        done = set(
            Partnership.objects.filter(slug__startswith="bench-").values_list("slug", flat=True)
        )
        for index in range(scale.partnerships):
            if SLUG.format(index) in done:
                continue
            with transaction.atomic():
                _partnership(index, scale, edition, content, password, random.Random(seed + index))  # noqa: S311
            if index % 10 == 9 or index == scale.partnerships - 1:
                log(f"{index + 1} of {scale.partnerships} partnerships")


def _content(edition) -> dict:
    return {
        "levels": list(RatingLevel.objects.filter(edition=edition).values_list("value", flat=True)),
        "indicators": list(
            Indicator.objects.filter(outcome__edition=edition).values_list("pk", flat=True)
        ),
        "outcomes": list(Outcome.objects.filter(edition=edition).values_list("pk", flat=True)),
        "sources": list(
            EvidenceSource.objects.filter(edition=edition).values_list("pk", flat=True)
        ),
        "statements": [
            (category, source)
            for category in SurveyCategory.objects.filter(edition=edition).prefetch_related(
                "statements__default_outcomes"
            )
            for source in category.statements.all()
        ],
    }


def _partnership(
    index: int, scale: Scale, edition, content: dict, password: str, rng: random.Random
) -> None:
    p = Partnership.objects.create(
        name=f"Benchmark Safeguarding Children Partnership {index:03d}",
        slug=SLUG.format(index),
        region=Region.values[index % len(Region.values)],
    )
    PartnerBody.objects.bulk_create(
        PartnerBody(partnership=p, kind=kind, name=f"{label} {index:03d}")
        for kind, label in [
            (PartnerBody.Kind.LOCAL_AUTHORITY, "Council"),
            (PartnerBody.Kind.ICB, "ICB"),
            (PartnerBody.Kind.POLICE, "Police"),
        ]
    )
    agencies = Agency.objects.bulk_create(
        Agency(partnership=p, name=f"Agency {n} of {index:03d}", sector=Agency.Sector.OTHER)
        for n in range(8)
    )
    user = get_user_model().objects.create(
        email=bench_email(index), full_name=f"Manager {index:03d}", password=password
    )
    membership = Membership.objects.create(partnership=p, user=user)
    RoleAssignment.objects.create(membership=membership, role=Role.BUSINESS_MANAGER)
    today = date(2025, 11, 1)
    evidence = EvidenceItem.objects.bulk_create(
        EvidenceItem(
            partnership=p,
            source_id=content["sources"][n % len(content["sources"])],
            title=f"Evidence {n:03d}: {rng.choice(['audit', 'minutes', 'report', 'review', 'survey'])} {index:03d}",
            date=today - timedelta(days=rng.randrange(6 * 365)),
            summary="Benchmark evidence.",
        )
        for n in range(scale.evidence)
    )
    _reviews(p, scale, edition, content, evidence, rng)
    _waves(p, scale, edition, content, rng)
    _shares(p, edition, rng)
    _monitors(p, scale, rng)
    priorities = Priority.objects.bulk_create(
        Priority(partnership=p, edition=edition, title=f"Priority {n}", issue="Benchmark.")
        for n in range(scale.priorities)
    )
    Action.objects.bulk_create(
        Action(
            partnership=p,
            title=f"Action {n}",
            owner_agency=agencies[n % len(agencies)],
            due_date=today + timedelta(days=rng.randrange(-200, 200)),
            status=rng.choice(Action.Status.values),
            priority=priorities[n % len(priorities)],
        )
        for n in range(scale.actions)
    )


def _periods(years: int) -> list[str]:
    return [f"{2025 - years + n}-{(2026 - years + n) % 100:02d}" for n in range(years)]


def _reviews(p, scale: Scale, edition, content: dict, evidence: list, rng: random.Random) -> None:
    levels = content["levels"]
    links = []
    for year, period in enumerate(_periods(scale.years)):
        review = Review.objects.create(
            partnership=p, edition=edition, period=period, status=Review.Status.SIGNED_OFF
        )
        ratings = Rating.objects.bulk_create(
            Rating(
                partnership=p,
                review=review,
                indicator_id=i,
                level=levels[min(len(levels) - 1, max(0, round(rng.gauss(1 + 0.3 * year, 0.9))))],
            )
            for i in content["indicators"]
        )
        OutcomeJudgement.objects.bulk_create(
            OutcomeJudgement(partnership=p, review=review, outcome_id=o, level=rng.choice(levels))
            for o in content["outcomes"]
        )
        for rating in ratings:
            for item in rng.sample(evidence, 2):
                links.append(Rating.evidence.through(rating_id=rating.pk, evidenceitem_id=item.pk))
    Rating.evidence.through.objects.bulk_create(links, batch_size=5000)


def _shares(p, edition, rng: random.Random) -> None:
    """Each year shared with the national picture, as if its yearly report had been published."""
    statements = list(range(1, 35))
    for review in Review.objects.filter(partnership=p):
        summary = SharedSummary.objects.create(
            partnership=p, period=review.period, edition=edition.name, wave_period=review.period[:4]
        )
        rows = [
            SharedRating(
                summary=summary, outcome_code=outcome, indicator_code=indicator, level=level
            )
            for outcome, indicator, level in Rating.objects.filter(review=review).values_list(
                "indicator__outcome__code", "indicator__code", "level"
            )
        ]
        rows += [
            SharedRating(summary=summary, outcome_code=outcome, level=level)
            for outcome, level in OutcomeJudgement.objects.filter(review=review).values_list(
                "outcome__code", "level"
            )
        ]
        SharedRating.objects.bulk_create(rows)
        SharedStatement.objects.bulk_create(
            SharedStatement(
                summary=summary, number=n, true_percent=min(100, max(0, round(rng.gauss(60, 15))))
            )
            for n in statements
        )


PROFILE = {
    "position": ["BM", "LA", "Health", "Police", "Education", "Other"],
    "region": ["Northwest", "Southeast", "London", "Midlands"],
    "service_length": ["< 1 year", "1-2 years", "3-4 years", "> 4 years"],
}


def _waves(p, scale: Scale, edition, content: dict, rng: random.Random) -> None:
    for year in range(scale.years):
        period = str(2025 - scale.years + year)
        wave = Wave.objects.create(
            partnership=p,
            edition=edition,
            title=f"Partnership survey {period}",
            period=period,
            opens_on=date(int(period), 10, 1),
            closes_on=date(int(period), 12, 1),
            mode=Wave.Mode.LINK,
        )
        statements = WaveStatement.objects.bulk_create(
            WaveStatement(
                partnership=p,
                wave=wave,
                category=category,
                source=source,
                number=source.number,
                text=source.text,
            )
            for category, source in content["statements"]
        )
        through = WaveStatement.outcomes.through
        through.objects.bulk_create(
            through(wavestatement_id=s.pk, outcome_id=o.pk)
            for s, (_c, source) in zip(statements, content["statements"], strict=True)
            for o in source.default_outcomes.all()
        )
        responses = [
            Response(
                id=uuid.UUID(int=rng.getrandbits(128)),
                partnership=p,
                wave=wave,
                submitted=True,
                **{k: rng.choice(v) for k, v in PROFILE.items()},
            )
            for _ in range(scale.responses)
        ]
        Response.objects.bulk_create(responses, batch_size=1000)
        quality = rng.uniform(-0.6, 0.6) + 0.1 * year
        Answer.objects.bulk_create(
            (
                Answer(
                    partnership=p,
                    response=r,
                    statement=s,
                    truth=_answer(rng, quality, 6),
                    change=rng.randint(1, 4),
                    importance=_answer(rng, quality, 5),
                )
                for r in responses
                for s in statements
            ),
            batch_size=5000,
        )


def _answer(rng: random.Random, quality: float, options: int) -> int | None:
    if rng.random() < 0.04:
        return None
    return min(options, max(1, round(rng.gauss(2.4 - quality, 1.1))))


def _monitors(p, scale: Scale, rng: random.Random) -> None:
    monitors = Monitor.objects.bulk_create(
        Monitor(
            partnership=p, name=f"Monitor {n}", unit="%", direction=Monitor.Direction.values[n % 2]
        )
        for n in range(scale.monitors)
    )
    values = []
    for monitor in monitors:
        base = rng.uniform(10, 90)
        for year in range(scale.years):
            period = str(2025 - scale.years + year)
            value = Decimal(str(round(base + rng.gauss(0, 4), 1)))
            values.append(MonitorValue(partnership=p, monitor=monitor, period=period, value=value))
            for group in ("Under 5", "5 to 11", "12 and over"):
                values.append(
                    MonitorValue(
                        partnership=p,
                        monitor=monitor,
                        period=period,
                        breakdown="Age",
                        group=group,
                        value=value + Decimal(str(round(rng.gauss(0, 3), 1))),
                    )
                )
    MonitorValue.objects.bulk_create(values, batch_size=5000)
