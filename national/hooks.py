"""What the national app adds to earlier apps (trust.hooks)."""

from __future__ import annotations
