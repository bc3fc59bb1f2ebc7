"""Writes to the evidence register: one audited function per action."""

from __future__ import annotations

from django.db import transaction

from files.services import file_store
from trust.acting import acting_as
from trust.softdelete import mark_deleted, mark_restored
from trust.uploads import CheckedUpload
from trust.versioning import save_values

from .models import EvidenceItem


@transaction.atomic
def evidence_save(
    *,
    partnership,
    item: EvidenceItem | None = None,
    values: dict,
    expected_version: int | None = None,
    checked: CheckedUpload | None = None,
    file_name: str = "",
    actor,
) -> EvidenceItem:
    """Add or edit an item (version-checked); an uploaded file is stored and attached."""
    item = item or EvidenceItem(partnership=partnership, created_by=actor)
    if checked is not None:
        item.file = file_store(
            partnership=partnership,
            checked=checked,
            original_name=file_name,
            title=values.get("title", item.title),
            in_library=False,
            actor=actor,
        )
    return save_values(item, values, expected_version=expected_version)


@transaction.atomic
def evidence_delete(*, item: EvidenceItem, actor) -> None:
    mark_deleted(item, actor=actor)


@transaction.atomic
def evidence_restore(*, item: EvidenceItem, actor) -> None:
    with acting_as(actor):
        mark_restored(item)
