"""What the sign-off app adds to earlier apps (trust.hooks)."""

from __future__ import annotations

from audit.tracking import Tracked
from trust import hooks

from .models import Signature, SignOff
from .services import signoff_due_reminders

hooks.register("reminders", signoff_due_reminders)


@hooks.register("audit_tracking")
def tracked() -> list[Tracked]:
    return [Tracked(SignOff), Tracked(Signature, partnership=lambda o: o.signoff.partnership_id)]
