"""Storing, deleting and restoring files. Each write is one audited user action."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import transaction

from audit.events import Event, record
from trust.acting import acting_as
from trust.softdelete import mark_deleted, mark_restored
from trust.uploads import CheckedUpload

from .models import StoredFile


def _write(stored_name: str, content: bytes) -> None:
    path = settings.MACS_UPLOAD_ROOT / stored_name
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as handle:  # never overwrite
        handle.write(content)


def file_store(
    *,
    partnership,
    checked: CheckedUpload,
    original_name: str,
    title: str,
    description: str = "",
    in_library: bool = True,
    actor,
) -> StoredFile:
    """Keep a checked upload under a random name.

    The file is written first and removed again if the row cannot be saved. A file left behind
    by a later rollback has no row, so nobody can reach it, and `purge_expired` removes it.
    """
    stored_name = f"{partnership.pk}/{secrets.token_hex(16)}"
    _write(stored_name, checked.content)
    try:
        with transaction.atomic():
            return StoredFile.objects.create(
                partnership=partnership,
                title=title,
                description=description,
                original_name=original_name[:255],
                stored_name=stored_name,
                kind=checked.kind,
                content_type=checked.content_type,
                size=checked.size,
                sha256=checked.sha256,
                in_library=in_library,
                uploaded_by=actor,
            )
    except Exception:
        (settings.MACS_UPLOAD_ROOT / stored_name).unlink(missing_ok=True)
        raise


def orphan_files_remove() -> int:
    """Remove stored files that no row points at (left by a rolled-back upload)."""
    from django_scopes import scopes_disabled

    root = settings.MACS_UPLOAD_ROOT
    if not root.exists():
        return 0
    with scopes_disabled():
        known = set(StoredFile.all_objects.values_list("stored_name", flat=True))
    removed = 0
    for path in root.glob("*/*"):
        if path.is_file() and path.relative_to(root).as_posix() not in known:
            path.unlink()
            removed += 1
    return removed


@transaction.atomic
def file_delete(*, stored: StoredFile, actor) -> None:
    """Hide a document; it can be restored for 30 days (the audit trail records the change)."""
    mark_deleted(stored, actor=actor)


@transaction.atomic
def file_restore(*, stored: StoredFile, actor) -> None:
    with acting_as(actor):
        mark_restored(stored)


def file_download_record(*, stored: StoredFile, actor) -> None:
    """Downloads of stored files are exports of partnership data: audited."""
    record(
        Event.EXPORT,
        actor=actor,
        partnership=stored.partnership,
        subject=stored,
        detail={"file": stored.original_name, "sha256": stored.sha256},
    )
