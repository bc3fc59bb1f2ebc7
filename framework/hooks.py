"""What the framework app adds to others (trust.hooks)."""

from __future__ import annotations

from trust import hooks
from ui.navigation import MenuItem


@hooks.register("partnership_menu")
def menu() -> list[MenuItem]:
    return [
        MenuItem("Framework", "framework:tree", 20, section="framework"),
    ]
