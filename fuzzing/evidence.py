"""Evidence forms in the bad-input harness (see fuzzing/registry.py)."""

from evidence import services
from evidence.forms import EvidenceFilterForm, EvidenceForm
from evidence.selectors import evidence_items
from framework.models import EvidenceSource
from framework.selectors import current_edition
from fuzzing.registry import register
from partnerships.models import Agency
from trust.versioning import model_values

register(
    EvidenceForm,
    build=lambda ctx: {"partnership": ctx.partnership, "edition": current_edition()},
    submit=lambda form, ctx: services.evidence_save(
        partnership=ctx.partnership,
        values=model_values(form),
        checked=form.checked,
        file_name=form.cleaned_data["upload"].name if form.cleaned_data.get("upload") else "",
        actor=ctx.actor,
    ),
)
register(
    EvidenceFilterForm,
    build=lambda ctx: {
        "sources": EvidenceSource.objects.filter(edition=current_edition()),
        "agencies": Agency.objects.filter(partnership=ctx.partnership),
        "years": [2024, 2025],
    },
    submit=lambda form, ctx: list(evidence_items(form.to_filter())[:50]),
)
