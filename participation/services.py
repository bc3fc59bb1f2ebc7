"""Writes for voices: groups, feedback and the partnership's response ("you said, we did"),
consented diversity counts, and the public page."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit.events import Event, record
from trust.acting import acting_as
from trust.versioning import save_values

from .models import DiversityCount, Feedback, VoiceGroup, YouSaidPage


@transaction.atomic
def group_save(*, partnership, group: VoiceGroup | None = None, values: dict, actor) -> VoiceGroup:
    """Add or change a group of children, young people, families or community members."""
    with acting_as(actor):
        return save_values(group or VoiceGroup(partnership=partnership), values)


@transaction.atomic
def feedback_add(*, partnership, values: dict, by_the_group: bool, actor) -> Feedback:
    """Record what a group said; the response is due after the group's set number of days."""
    with acting_as(actor):
        feedback = Feedback(partnership=partnership, by_the_group=by_the_group)
        received_on = values.get("received_on") or timezone.localdate()  # sent in today
        due = Feedback.due(received_on, values["group"])
        return save_values(feedback, {**values, "received_on": received_on, "respond_by": due})


@transaction.atomic
def feedback_respond(
    *, feedback: Feedback, values: dict, expected_version: int | None, actor
) -> Feedback:
    """Save the partnership's response ("we did") through the version check; it is dated
    when first given, and undated again if it is cleared."""
    with acting_as(actor):
        if not values.get("response", feedback.response):
            feedback.responded_on = None
        elif feedback.responded_on is None:
            feedback.responded_on = timezone.localdate()
        return save_values(feedback, values, expected_version=expected_version)


@transaction.atomic
def diversity_record(*, group: VoiceGroup, as_at, characteristic: str, counts: dict, actor) -> int:
    """Replace one characteristic's counts for a group at a date. Counts only; the person
    recording confirms everyone counted agreed."""
    with acting_as(actor):
        if not counts:
            raise ValidationError("Enter at least one group and its number.")
        DiversityCount.objects.filter(
            group=group, as_at=as_at, characteristic=characteristic
        ).delete()
        DiversityCount.objects.bulk_create(
            DiversityCount(
                partnership=group.partnership,
                group=group,
                as_at=as_at,
                characteristic=characteristic,
                category=category,
                count=count,
            )
            for category, count in counts.items()
        )
        return len(counts)


@transaction.atomic
def you_said_page_save(
    *, page: YouSaidPage, published: bool, introduction: str, actor
) -> YouSaidPage:
    was_published = page.published
    page.published = published
    page.introduction = introduction.strip()
    if published and not was_published:
        page.published_on = timezone.localdate()
        record(Event.PUBLISH, actor=actor, partnership=page.partnership, subject=page)
    page.save()
    return page


def you_said_page(partnership) -> YouSaidPage:
    page, _ = YouSaidPage.objects.get_or_create(partnership=partnership)
    return page
