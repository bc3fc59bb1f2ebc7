"""Learning and action forms in the bad-input harness (see fuzzing/registry.py)."""

from django_scopes import scopes_disabled

from actions import services
from actions.forms import (
    ActionForm,
    ChallengeForm,
    EscalateForm,
    EscalationResponseForm,
    RecommendationForm,
    SourceForm,
)
from actions.imports import ACTION_COLUMNS
from actions.models import Action
from framework.selectors import current_edition
from fuzzing.registry import register
from trust.imports import ImportForm
from trust.versioning import model_values


def _action(ctx) -> Action:
    with scopes_disabled():
        return Action.objects.filter(partnership=ctx.partnership).order_by("pk").first()


register(
    SourceForm,
    build=lambda ctx: {"partnership": ctx.partnership},
    submit=lambda form, ctx: services.source_save(
        partnership=ctx.partnership, values=model_values(form), actor=ctx.actor
    ),
)
register(RecommendationForm)
register(
    ActionForm,
    build=lambda ctx: {
        "instance": _action(ctx),
        "partnership": ctx.partnership,
        "edition": current_edition(),
    },
    submit=lambda form, ctx: services.action_save(
        partnership=ctx.partnership, values=model_values(form), actor=ctx.actor
    ),
)
register(EscalateForm)
register(EscalationResponseForm)
register(
    ChallengeForm,
    build=lambda ctx: {"partnership": ctx.partnership, "edition": current_edition()},
    submit=lambda form, ctx: services.challenge_save(
        partnership=ctx.partnership, values=model_values(form), actor=ctx.actor
    ),
)
register(
    ImportForm,
    name="actions.actions_import",
    build=lambda ctx: {"required_columns": ACTION_COLUMNS},
    submit=lambda form, ctx: services.actions_import(
        partnership=ctx.partnership,
        rows=form.rows,
        file_name=form.cleaned_data["file"].name,
        actor=ctx.actor,
    ),
)
