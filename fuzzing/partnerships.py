"""Partnership forms and the agencies import in the bad-input harness (see fuzzing/registry.py)."""

from fuzzing.registry import register
from partnerships import services
from partnerships.forms import (
    AgencyForm,
    ConfirmForm,
    InviteForm,
    PartnerBodyForm,
    PartnershipForm,
    RoleAddForm,
    SubgroupForm,
)
from partnerships.imports import AGENCY_COLUMNS
from partnerships.models import Agency, Membership, Subgroup
from trust.imports import ImportForm
from trust.versioning import expected_version, model_values


def _save(form, ctx):
    return services.record_save(
        partnership=ctx.partnership,
        model=form._meta.model,
        record=form.instance if form.instance.pk else None,
        values=model_values(form),
        expected_version=expected_version(form),
        actor=ctx.actor,
    )


register(
    PartnershipForm,
    build=lambda ctx: {"instance": ctx.partnership},
    submit=_save,
)
register(PartnerBodyForm, build=lambda ctx: {"partnership": ctx.partnership}, submit=_save)
register(
    AgencyForm,
    build=lambda ctx: {
        "partnership": ctx.partnership,
        "instance": Agency.objects.filter(partnership=ctx.partnership).first(),
    },
    submit=_save,
)
register(
    SubgroupForm,
    build=lambda ctx: {
        "partnership": ctx.partnership,
        "instance": Subgroup.objects.filter(partnership=ctx.partnership).last(),
    },
    submit=_save,
)
register(
    InviteForm,
    build=lambda ctx: {"partnership": ctx.partnership},
    submit=lambda form, ctx: services.invitation_create(
        partnership=ctx.partnership,
        email=form.cleaned_data["email"],
        full_name=form.cleaned_data["full_name"],
        role=form.cleaned_data["role"],
        partner_body=form.cleaned_data["partner_body"],
        agency=form.cleaned_data["agency"],
        actor=ctx.actor,
        base_url="http://testserver",
    ),
)
register(
    RoleAddForm,
    build=lambda ctx: {"partnership": ctx.partnership},
    submit=lambda form, ctx: services.role_add(
        membership=Membership.objects.filter(partnership=ctx.partnership).last(),
        role=form.cleaned_data["role"],
        partner_body=form.cleaned_data["partner_body"],
        acting_for=form.cleaned_data["acting_for"],
        actor=ctx.actor,
    ),
)
register(ConfirmForm)
register(
    ImportForm,
    name="partnerships.agencies_import",
    build=lambda ctx: {"required_columns": AGENCY_COLUMNS},
    submit=lambda form, ctx: services.agencies_import(
        partnership=ctx.partnership,
        rows=form.rows,
        file_name=form.cleaned_data["file"].name,
        actor=ctx.actor,
    ),
)
