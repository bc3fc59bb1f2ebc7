"""Survey forms in the bad-input harness (see fuzzing/registry.py)."""

from django_scopes import scopes_disabled

from fuzzing.registry import register
from surveys import services
from surveys.forms import (
    CodeForm,
    CodingForm,
    InvitationsForm,
    LocalStatementForm,
    MappingForm,
    PageForm,
    ProfileForm,
    ResourcesForm,
    ResumeForm,
    StatementsForm,
    WaveEditForm,
    WaveForm,
)
from surveys.models import Comment, Wave, WaveStatement
from surveys.results import options, profile_questions
from trust.imports import ImportForm
from trust.versioning import expected_version, model_values


def _wave(ctx) -> Wave:
    with scopes_disabled():
        return Wave.objects.filter(partnership=ctx.partnership).order_by("opens_on").first()


def _statements(ctx) -> list[WaveStatement]:
    return list(_wave(ctx).statements.filter(category__number=1).order_by("number"))


register(
    WaveForm,
    build=lambda ctx: {"partnership": ctx.partnership},
    submit=lambda form, ctx: services.wave_create(
        partnership=ctx.partnership,
        edition=_wave(ctx).edition,
        actor=ctx.actor,
        **form.cleaned_data,
    ),
)
register(
    WaveEditForm,
    build=lambda ctx: {"instance": _wave(ctx)},
    submit=lambda form, ctx: services.wave_save(
        wave=form.instance,
        values=model_values(form),
        expected_version=expected_version(form),
        actor=ctx.actor,
    ),
)
register(StatementsForm, build=lambda ctx: {"wave": _wave(ctx)})
register(LocalStatementForm, build=lambda ctx: {"wave": _wave(ctx)})
register(MappingForm, build=lambda ctx: {"statement": _statements(ctx)[0]})
register(InvitationsForm, build=lambda ctx: {"partnership": ctx.partnership})
register(ResumeForm, build=lambda ctx: {})
register(ProfileForm, build=lambda ctx: {"questions": profile_questions(_wave(ctx))})
register(ResourcesForm)
register(
    PageForm,
    build=lambda ctx: {
        "statements": _statements(ctx),
        "options": options(_wave(ctx)),
        "comment_label": "Comments",
    },
)
register(
    CodeForm,
    build=lambda ctx: {"partnership": ctx.partnership},
    submit=lambda form, ctx: services.comment_code_add(
        partnership=ctx.partnership, name=form.cleaned_data["name"], actor=ctx.actor
    ),
)


def _comment(ctx) -> Comment:
    with scopes_disabled():
        return Comment.objects.filter(partnership=ctx.partnership).order_by("pk").first()


register(
    CodingForm,
    build=lambda ctx: {"partnership": ctx.partnership},
    submit=lambda form, ctx: services.comment_codes_set(
        comment=_comment(ctx), codes=form.cleaned_data["codes"], actor=ctx.actor
    ),
)
register(
    ImportForm,
    name="surveys.responses_import",
    build=lambda ctx: {},
    submit=lambda form, ctx: services.responses_import(
        wave=_wave(ctx),
        rows=form.rows,
        file_name=form.cleaned_data["file"].name,
        actor=ctx.actor,
    ),
)
