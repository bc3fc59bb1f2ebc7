"""Monitor forms and the values import in the bad-input harness (see trust/fuzz.py)."""

from framework.selectors import current_edition
from trust.fuzz import register
from trust.imports import ImportForm

from . import services
from .forms import MonitorForm
from .imports import VALUE_COLUMNS
from .models import Monitor

register(
    MonitorForm,
    build=lambda ctx: {"partnership": ctx.partnership, "edition": current_edition()},
    submit=lambda form, ctx: services.monitor_save(
        form=form, partnership=ctx.partnership, actor=ctx.actor
    ),
)
register(
    ImportForm,
    name="monitoring.values_import",
    build=lambda ctx: {"required_columns": VALUE_COLUMNS},
    submit=lambda form, ctx: services.values_import(
        monitor=Monitor.objects.filter(partnership=ctx.partnership).first(),
        rows=form.rows,
        file_name=form.cleaned_data["file"].name,
        actor=ctx.actor,
    ),
)
