"""The reviews' part of the demo: Northshire's 2024-25 review, signed off by all four partner
bodies, and its 2025-26 review in progress (carried forward, partly re-rated, assigned)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_scopes import scope

from evidence.models import EvidenceItem
from framework.selectors import current_edition
from partnerships.models import Membership, PartnerBody, Subgroup
from reviews import services
from reviews.models import OutcomeJudgement, Rating
from signoff.services import signoff_sign_current

COMMENTS = [
    "Agencies describe the arrangements consistently; the dataset and audit show it in practice.",
    "Good progress in the city; the county is behind and the audit found gaps in recording.",
    "New this year. Early signs are positive but there is not yet evidence of impact.",
    "Stalled while the subgroup was re-formed. A task and finish group starts in April.",
]


def _level(position: int, outcome_position: int) -> int:
    # A believable spread: mostly Developing and Established, a few at each end.
    return [2, 3, 3, 2, 4, 3, 1, 2, 3, 3][(position * 3 + outcome_position * 7) % 10]


# Who signs for each of Northshire's partner bodies (a delegate signs for the police).
SIGNERS_BY_BODY = {
    "Northshire County Council": "la-lead@northshire.example",
    "Riverton City Council": "city-lead@northshire.example",
    "Northshire and Riverton Integrated Care Board": "icb-lead@northshire.example",
    "Northshire Police": "delegate@northshire.example",
}


def sign_by_every_body(partnership, target, reservations: dict | None = None) -> None:
    """Every partner body signs `target` through its demo signer (also used by the planning
    and report demos); `reservations` gives some bodies a reservation."""
    for body in PartnerBody.objects.filter(partnership=partnership):
        signer = Membership.objects.prefetch_related("roles__acting_for").get(
            partnership=partnership, user__email=SIGNERS_BY_BODY[body.name]
        )
        signoff_sign_current(
            target=target,
            partner_body=body,
            membership=signer,
            actor=signer.user,
            reservation=(reservations or {}).get(body.name, ""),
        )


def demo_reviews(partnerships: dict) -> None:
    northshire = partnerships["northshire"]
    edition = current_edition()
    with scope(partnership=northshire):
        manager = Membership.objects.get(
            partnership=northshire, user__email="manager@northshire.example"
        )
        evidence = list(EvidenceItem.objects.filter(partnership=northshire).order_by("pk"))
        last_year = services.review_start(
            partnership=northshire, edition=edition, period="2024-25", actor=manager.user
        )
        through = Rating.evidence.through
        links = []
        for rating in Rating.objects.filter(review=last_year).select_related("indicator__outcome"):
            outcome = rating.indicator.outcome
            rating.level = _level(rating.indicator.position, outcome.position)
            rating.commentary = COMMENTS[rating.level % len(COMMENTS)]
            rating.save(update_fields=["level", "commentary"])
            if (rating.indicator.position + outcome.position) % 3:
                links.append(
                    through(
                        rating_id=rating.pk, evidenceitem_id=evidence[rating.pk % len(evidence)].pk
                    )
                )
        through.objects.bulk_create(links)
        for judgement in OutcomeJudgement.objects.filter(review=last_year).select_related(
            "outcome"
        ):
            judgement.level = _level(judgement.outcome.position, judgement.outcome.category.number)
            judgement.narrative = COMMENTS[judgement.level % len(COMMENTS)]
            # Judged at the review's panel, a few weeks before sign-off.
            judgement.updated_by = manager.user
            judgement.updated_at = timezone.now() - timedelta(days=200)
            judgement.save(update_fields=["level", "narrative", "updated_by", "updated_at"])
        services.review_request_signoff(review=last_year, actor=manager.user)
        sign_by_every_body(
            northshire,
            last_year,
        )

        this_year = services.review_start(
            partnership=northshire,
            edition=edition,
            period="2025-26",
            due_date=timezone.localdate() + timedelta(days=21),  # "nearing its date"
            actor=manager.user,
        )
        quality = Subgroup.objects.get(
            partnership=northshire, name="Quality assurance and performance"
        )
        learning = Subgroup.objects.get(partnership=northshire, name="Learning and development")
        outcomes = {o.code: o for o in edition.outcomes.all()}
        services.ratings_assign(
            review=this_year,
            outcomes=[outcomes[c] for c in ("1.1", "1.2", "1.3")],
            owner=quality,
            actor=manager.user,
        )
        services.ratings_assign(
            review=this_year,
            outcomes=[outcomes[c] for c in ("3.1", "3.2")],
            owner=learning,
            actor=manager.user,
        )
        # A proportionate review: every outcome over three years, six of them this year.
        services.coverage_plan_save(
            partnership=northshire,
            values={"first_period": "2025-26", "years": 3},
            actor=manager.user,
        )
        focus = [outcomes[c] for c in ("1.1", "1.2", "1.3", "2.2", "3.1", "3.2")]
        services.review_focus_set(
            review=this_year,
            outcome_ids={o.pk for o in focus},
            rating_ids=set(Rating.objects.filter(review=this_year).values_list("pk", flat=True)),
            actor=manager.user,
        )
        for rating in Rating.objects.filter(
            review=this_year, indicator__outcome__code__in=["1.1", "2.2"]
        ):
            services.rating_save(
                rating=rating,
                values={
                    "level": min(4, (rating.level or 1) + 1),
                    "commentary": "Re-rated this year: the new multi-agency audit shows the "
                    "change holding.",
                },
                expected_version=None,
                actor=manager.user,
            )
