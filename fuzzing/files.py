"""The document upload form in the bad-input harness (see fuzzing/registry.py)."""

from files import services
from files.forms import DocumentForm
from fuzzing.registry import register

register(
    DocumentForm,
    submit=lambda form, ctx: services.file_store(
        partnership=ctx.partnership,
        checked=form.checked,
        original_name=form.cleaned_data["file"].name,
        title=form.cleaned_data["title"],
        description=form.cleaned_data["description"],
        actor=ctx.actor,
    ),
)
