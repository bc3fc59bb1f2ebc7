"""Planning forms in the bad-input harness (see fuzzing/registry.py)."""

from django_scopes import scopes_disabled

from framework.models import Principle
from framework.selectors import current_edition
from fuzzing.registry import register
from planning import services
from planning.forms import (
    ActivityForm,
    IssueForm,
    OutcomeForm,
    PathwayForm,
    PriorityStartForm,
    ProgressForm,
    ReflectionsForm,
    ResourceForm,
)
from planning.models import Priority
from trust.versioning import expected_version, model_values


def _draft(ctx) -> Priority:
    """A priority still being planned (the demo's Neglect is agreed and locked)."""
    with scopes_disabled():
        found = Priority.objects.filter(partnership=ctx.partnership, agreed=False).first()
    if found is None:
        found = services.priority_start(
            partnership=ctx.partnership,
            edition=current_edition(),
            title="Fuzz priority",
            actor=ctx.actor,
        )
    return found


def _activity(ctx):
    priority = _draft(ctx)
    return priority.activities.first() or priority.activities.create(
        partnership=ctx.partnership, title="An activity"
    )


register(
    PriorityStartForm,
    build=lambda ctx: {"partnership": ctx.partnership},
    submit=lambda form, ctx: services.priority_start(
        partnership=ctx.partnership,
        edition=_draft(ctx).edition,
        title=form.cleaned_data["title"],
        actor=ctx.actor,
    ),
)
register(
    IssueForm,
    build=lambda ctx: {"instance": _draft(ctx)},
    submit=lambda form, ctx: services.issue_save(
        priority=form.instance,
        values=model_values(form),
        expected_version=expected_version(form),
        actor=ctx.actor,
    ),
)
register(
    OutcomeForm,
    build=lambda ctx: {"priority": _draft(ctx)},
    submit=lambda form, ctx: services.outcome_save(
        priority=_draft(ctx), values=model_values(form), actor=ctx.actor
    ),
)
register(
    ActivityForm,
    build=lambda ctx: {"partnership": ctx.partnership},
    submit=lambda form, ctx: services.activity_save(
        priority=_draft(ctx), values=model_values(form), actor=ctx.actor
    ),
)
register(PathwayForm, build=lambda ctx: {"activity": _activity(ctx)})
register(
    ResourceForm,
    build=lambda ctx: {"priority": _activity(ctx).priority},
    submit=lambda form, ctx: services.resource_save(
        priority=_draft(ctx), values=model_values(form), actor=ctx.actor
    ),
)
register(
    ReflectionsForm,
    build=lambda ctx: {
        "principles": Principle.objects.filter(edition=_draft(ctx).edition),
        "existing": {},
    },
    submit=lambda form, ctx: services.reflections_save(
        priority=_draft(ctx), reflections=form.reflections(), actor=ctx.actor
    ),
)
register(ProgressForm, build=lambda ctx: {"partnership": ctx.partnership})
