"""Writes for voices: groups, feedback and the partnership's response ("you said, we did"),
consented diversity counts, and the public page."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit.events import Event, record
from trust.versioning import save_form_versioned

from .models import DiversityCount, Feedback, VoiceGroup, YouSaidPage


@transaction.atomic
def group_save(*, form, partnership, actor) -> VoiceGroup:
    group = form.save(commit=False)
    group.partnership = partnership
    group.save()
    group.members.set(form.cleaned_data["members"])
    return group


@transaction.atomic
def feedback_add(*, form, partnership, by_the_group: bool, actor) -> Feedback:
    """Record what a group said; the response is due after the group's set number of days."""
    feedback = form.save(commit=False)
    group = form.cleaned_data["group"]
    feedback.partnership = partnership
    feedback.group = group
    feedback.by_the_group = by_the_group
    feedback.respond_by = Feedback.due(feedback.received_on, group)
    feedback.save()
    feedback.outcomes.set(form.cleaned_data["outcomes"])
    return feedback


@transaction.atomic
def feedback_respond(*, form, actor) -> Feedback:
    """Save the partnership's response through the version check."""
    feedback = form.instance
    if feedback.response and feedback.responded_on is None:
        feedback.responded_on = timezone.localdate()
    if not feedback.response:
        feedback.responded_on = None
    saved = save_form_versioned(form)
    for name in ("actions", "priorities", "ratings"):
        getattr(saved, name).set(form.cleaned_data[name])
    return saved


@transaction.atomic
def diversity_record(*, group: VoiceGroup, as_at, characteristic: str, counts: dict, actor) -> int:
    """Replace one characteristic's counts for a group at a date. Counts only; the person
    recording confirms everyone counted agreed."""
    if not counts:
        raise ValidationError("Enter at least one group and its number.")
    DiversityCount.objects.filter(group=group, as_at=as_at, characteristic=characteristic).delete()
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
