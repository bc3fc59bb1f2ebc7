"""Resources forms in the bad-input harness (see fuzzing/registry.py)."""

from django_scopes import scopes_disabled

from fuzzing.registry import register
from resources import services
from resources.forms import AdequacyForm, ContributionForm, OtherForm, PostForm, SpendForm, YearForm
from resources.models import ResourceYear
from trust.versioning import expected_version, model_values


def _year(ctx) -> ResourceYear:
    with scopes_disabled():
        return ResourceYear.objects.filter(partnership=ctx.partnership).order_by("-year").first()


def _add(form, ctx):
    return services.resource_line_add(
        year=_year(ctx), line=form._meta.model, values=model_values(form), actor=ctx.actor
    )


register(
    YearForm,
    submit=lambda form, ctx: services.resource_year_start(
        partnership=ctx.partnership,
        year=form.cleaned_data["year"],
        from_last_year=form.cleaned_data["from_last_year"],
        actor=ctx.actor,
    ),
)
register(ContributionForm, build=lambda ctx: {"partnership": ctx.partnership}, submit=_add)
register(OtherForm, submit=_add)
register(SpendForm, submit=_add)
register(PostForm, submit=_add)
register(
    AdequacyForm,
    build=lambda ctx: {"instance": _year(ctx)},
    submit=lambda form, ctx: services.adequacy_save(
        year=form.instance,
        values=model_values(form),
        expected_version=expected_version(form),
        actor=ctx.actor,
    ),
)
