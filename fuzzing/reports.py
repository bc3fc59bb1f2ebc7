"""Yearly report forms in the bad-input harness (see fuzzing/registry.py)."""

from django_scopes import scopes_disabled

from fuzzing.registry import register
from reports import services
from reports.forms import ReportForm, SectionForm, WithdrawForm
from reports.models import YearlyReport
from trust.versioning import model_values


def _draft(ctx) -> YearlyReport:
    with scopes_disabled():
        report, _ = YearlyReport.objects.get_or_create(
            partnership=ctx.partnership, period="2025-26"
        )
        return report


register(
    ReportForm,
    build=lambda ctx: {"partnership": ctx.partnership},
    submit=lambda form, ctx: services.report_start(
        partnership=ctx.partnership, values=model_values(form), actor=ctx.actor
    ),
)
register(
    SectionForm,
    submit=lambda form, ctx: services.section_save(
        report=_draft(ctx), values=model_values(form), actor=ctx.actor
    ),
)

register(WithdrawForm)
