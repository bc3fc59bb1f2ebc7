"""Meetings forms in the bad-input harness (see fuzzing/registry.py)."""

from django_scopes import scopes_disabled

from fuzzing.registry import register
from meetings import services
from meetings.forms import AttendanceForm, MeetingForm, SeniorityForm
from meetings.models import Meeting
from meetings.selectors import seniority_levels
from trust.versioning import expected_version, model_values


def _meeting(ctx) -> Meeting:
    with scopes_disabled():
        return Meeting.objects.filter(partnership=ctx.partnership).order_by("pk").first()


register(
    MeetingForm,
    build=lambda ctx: {"partnership": ctx.partnership},
    submit=lambda form, ctx: services.meeting_save(
        partnership=ctx.partnership,
        values=model_values(form),
        expected_version=expected_version(form),
        actor=ctx.actor,
    ),
)
register(
    AttendanceForm,
    build=lambda ctx: {
        "partnership": ctx.partnership,
        "levels": seniority_levels(ctx.partnership),
    },
    submit=lambda form, ctx: services.attendance_add(
        meeting=_meeting(ctx), values=model_values(form), actor=ctx.actor
    ),
)
register(
    SeniorityForm,
    submit=lambda form, ctx: services.seniority_save(
        partnership=ctx.partnership, levels=form.cleaned_data["levels"], actor=ctx.actor
    ),
)
