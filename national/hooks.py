"""What the national app adds to earlier apps (trust.hooks)."""

from __future__ import annotations

from trust import hooks
from ui.navigation import MenuItem


@hooks.register("partnership_menu")
def menu() -> list[MenuItem]:
    return [MenuItem("Where we stand nationally", "national:share", 105, section="report")]
