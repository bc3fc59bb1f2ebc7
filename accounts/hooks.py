"""What the accounts app adds to the hooks of trust (trust.hooks)."""

from __future__ import annotations

from trust import hooks

from .lockout import sign_in_records_purge

hooks.register("purge_due", sign_in_records_purge)
