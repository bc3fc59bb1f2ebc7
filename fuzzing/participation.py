"""Participation forms in the bad-input harness (see fuzzing/registry.py)."""

from django_scopes import scopes_disabled

from framework.selectors import current_edition
from fuzzing.registry import register
from participation import services, workshops
from participation.forms import (
    DiversityForm,
    FeedbackForm,
    GroupNotesForm,
    JoinForm,
    NoteForm,
    PromoteForm,
    ResponseForm,
    VoiceGroupForm,
    WorkshopForm,
    YouSaidPageForm,
)
from participation.models import Feedback, Note, VoiceGroup, Workshop
from trust.versioning import expected_version, model_values


def _group(ctx) -> VoiceGroup:
    with scopes_disabled():
        return VoiceGroup.objects.filter(partnership=ctx.partnership).order_by("pk").first()


def _feedback(ctx) -> Feedback:
    with scopes_disabled():
        return Feedback.objects.filter(partnership=ctx.partnership).order_by("pk").first()


def _workshop(ctx) -> Workshop:
    with scopes_disabled():
        return Workshop.objects.filter(
            partnership=ctx.partnership, status=Workshop.Status.OPEN
        ).first()


def _feedback_submit(form, ctx):
    return services.feedback_add(
        partnership=ctx.partnership, values=model_values(form), by_the_group=False, actor=ctx.actor
    )


register(
    VoiceGroupForm,
    build=lambda ctx: {"partnership": ctx.partnership},
    submit=lambda form, ctx: services.group_save(
        partnership=ctx.partnership, values=model_values(form), actor=ctx.actor
    ),
)
register(
    FeedbackForm,
    build=lambda ctx: {
        "groups": VoiceGroup.objects.filter(partnership=ctx.partnership),
        "edition": current_edition(),
    },
    submit=_feedback_submit,
)
register(
    ResponseForm,
    build=lambda ctx: {"instance": _feedback(ctx), "partnership": ctx.partnership},
    submit=lambda form, ctx: services.feedback_respond(
        feedback=form.instance,
        values=model_values(form),
        expected_version=expected_version(form),
        actor=ctx.actor,
    ),
)
register(
    DiversityForm,
    submit=lambda form, ctx: services.diversity_record(
        group=_group(ctx),
        as_at=form.cleaned_data["as_at"],
        characteristic=form.cleaned_data["characteristic"],
        counts=form.cleaned_data["counts"],
        actor=ctx.actor,
    ),
)
register(YouSaidPageForm)
register(
    WorkshopForm,
    build=lambda ctx: {"partnership": ctx.partnership, "edition": current_edition()},
    submit=lambda form, ctx: workshops.workshop_open(
        partnership=ctx.partnership, values=model_values(form), actor=ctx.actor
    ),
)
register(JoinForm)
register(
    NoteForm,
    submit=lambda form, ctx: workshops.note_add(workshop=_workshop(ctx), **form.cleaned_data),
)
register(
    GroupNotesForm,
    build=lambda ctx: {"notes": list(Note.objects.filter(workshop=_workshop(ctx)))},
    submit=lambda form, ctx: workshops.notes_group(
        workshop=_workshop(ctx),
        notes=list(Note.objects.filter(pk__in=form.cleaned_data["notes"])),
        name=form.cleaned_data["name"],
        actor=ctx.actor,
    ),
)
register(
    PromoteForm,
    build=lambda ctx: {"targets": workshops.promotion_targets(_workshop(ctx))},
    submit=lambda form, ctx: workshops.note_promote(
        workshop=_workshop(ctx),
        item=Note.objects.filter(workshop=_workshop(ctx)).first(),
        actor=ctx.actor,
        **form.cleaned_data,
    ),
)
