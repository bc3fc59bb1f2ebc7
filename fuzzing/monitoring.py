"""Monitor forms and the values import in the bad-input harness (see fuzzing/registry.py)."""

from framework.selectors import current_edition
from fuzzing.registry import register
from monitoring import services
from monitoring.forms import MonitorForm
from monitoring.imports import VALUE_COLUMNS
from monitoring.models import Monitor
from trust.imports import ImportForm
from trust.versioning import model_values

register(
    MonitorForm,
    build=lambda ctx: {"partnership": ctx.partnership, "edition": current_edition()},
    submit=lambda form, ctx: services.monitor_save(
        partnership=ctx.partnership, values=model_values(form), actor=ctx.actor
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
