"""The audit trail's filter form in the bad-input harness (see fuzzing/registry.py)."""

from audit.forms import AuditFilterForm
from audit.selectors import entries
from fuzzing.registry import register


def _people(ctx):
    return [(m.user_id, str(m.user)) for m in ctx.partnership.memberships.select_related("user")]


register(
    AuditFilterForm,
    build=lambda ctx: {"people": _people(ctx)},
    submit=lambda form, ctx: list(entries(ctx.partnership, form.to_filter())[:50]),
)
