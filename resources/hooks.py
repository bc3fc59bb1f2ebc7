"""What the resources app adds to earlier apps (trust.hooks)."""

from __future__ import annotations

from audit.tracking import Tracked
from trust import hooks

from .models import Contribution, OtherResource, Post, ResourceYear, Spend


@hooks.register("audit_tracking")
def tracked() -> list[Tracked]:
    return [Tracked(m) for m in (ResourceYear, Contribution, OtherResource, Spend, Post)]
