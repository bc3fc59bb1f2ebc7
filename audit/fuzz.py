"""The audit trail's filter form in the bad-input harness (see trust/fuzz.py)."""

from trust.fuzz import register

from .forms import AuditFilterForm
from .selectors import entries


def _people(ctx):
    return [(m.user_id, str(m.user)) for m in ctx.partnership.memberships.select_related("user")]


register(
    AuditFilterForm,
    build=lambda ctx: {"people": _people(ctx)},
    submit=lambda form, ctx: list(entries(ctx.partnership, form.to_filter())[:50]),
)
