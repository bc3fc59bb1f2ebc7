"""What the resources app adds to earlier apps (trust.hooks)."""

from __future__ import annotations

from audit.tracking import Tracked
from trust import hooks
from ui.navigation import MenuItem

from .models import Contribution, OtherResource, Post, ResourceYear, Spend


@hooks.register("audit_tracking")
def tracked() -> list[Tracked]:
    return [Tracked(m) for m in (ResourceYear, Contribution, OtherResource, Spend, Post)]


@hooks.register("partnership_menu")
def menu() -> list[MenuItem]:
    return [MenuItem("Resources", "resources:years", 115, section="partnership")]
