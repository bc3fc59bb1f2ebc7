"""Training forms in the bad-input harness (see fuzzing/registry.py)."""

from django_scopes import scopes_disabled

from fuzzing.registry import register
from training import services
from training.forms import AttendanceForm, EvaluationForm, SessionForm
from training.models import TrainingSession
from trust.versioning import expected_version, model_values


def _session(ctx, *, open_now: bool = False) -> TrainingSession:
    with scopes_disabled():
        found = TrainingSession.objects.filter(partnership=ctx.partnership).order_by("pk")
        if open_now:
            return next(s for s in found if s.evaluation_open)
        return found.first()


register(
    SessionForm,
    build=lambda ctx: {"partnership": ctx.partnership},
    submit=lambda form, ctx: services.session_save(
        partnership=ctx.partnership,
        values=model_values(form),
        expected_version=expected_version(form),
        actor=ctx.actor,
    ),
)
register(
    AttendanceForm,
    build=lambda ctx: {"partnership": ctx.partnership},
    submit=lambda form, ctx: services.attendance_set(
        session=_session(ctx), actor=ctx.actor, **form.cleaned_data
    ),
)
register(
    EvaluationForm,
    submit=lambda form, ctx: services.evaluation_send(
        session=_session(ctx, open_now=True), values=form.cleaned_data
    ),
)
