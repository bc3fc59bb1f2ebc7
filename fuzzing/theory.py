"""Theory of change forms in the bad-input harness (see fuzzing/registry.py)."""

from django_scopes import scopes_disabled

from fuzzing.registry import register
from theory import services
from theory.forms import (
    ActivityForm,
    ContextForm,
    FactorForm,
    PathwayForm,
    ResourceForm,
    StartForm,
)
from theory.models import TheoryOfChange
from trust.versioning import expected_version, model_values


def _draft(ctx) -> TheoryOfChange:
    """The demo's 2025-26 draft (2024-25 is agreed and locked)."""
    with scopes_disabled():
        return TheoryOfChange.objects.get(partnership=ctx.partnership, period="2025-26")


def _activity(ctx):
    with scopes_disabled():
        return _draft(ctx).activities.order_by("pk").first()


register(
    StartForm,
    build=lambda ctx: {"partnership": ctx.partnership},
    submit=lambda form, ctx: services.theory_start(
        partnership=ctx.partnership,
        edition=_draft(ctx).edition,
        period=form.cleaned_data["period"],
        actor=ctx.actor,
    ),
)
register(
    ContextForm,
    build=lambda ctx: {"instance": _draft(ctx)},
    submit=lambda form, ctx: services.context_save(
        theory=form.instance,
        values=model_values(form),
        expected_version=expected_version(form),
        actor=ctx.actor,
    ),
)
register(
    ActivityForm,
    submit=lambda form, ctx: services.activity_save(
        theory=_draft(ctx), values=model_values(form), actor=ctx.actor
    ),
)
register(
    PathwayForm,
    build=lambda ctx: {"activity": _activity(ctx)},
    submit=lambda form, ctx: services.pathway_add(
        activity=_activity(ctx), actor=ctx.actor, **form.cleaned_data
    ),
)
register(
    ResourceForm,
    build=lambda ctx: {"theory": _draft(ctx)},
    submit=lambda form, ctx: services.resource_save(
        theory=_draft(ctx), values=model_values(form), actor=ctx.actor
    ),
)
register(
    FactorForm,
    build=lambda ctx: {"theory": _draft(ctx)},
    submit=lambda form, ctx: services.factor_save(
        theory=_draft(ctx), values=model_values(form), actor=ctx.actor
    ),
)
