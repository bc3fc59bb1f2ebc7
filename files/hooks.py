"""What the files app adds to earlier apps (trust.hooks)."""

from __future__ import annotations

from audit.tracking import Tracked
from trust import hooks
from ui.navigation import MenuItem

from .models import StoredFile


@hooks.register("audit_tracking")
def tracked() -> list[Tracked]:
    return [Tracked(StoredFile, exclude_fields=("stored_name",))]


@hooks.register("partnership_menu")
def menu() -> list[MenuItem]:
    return [
        MenuItem("Documents", "files:library", 130, section="partnership"),
    ]
