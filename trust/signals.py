"""Events any app can announce without importing the audit app (which records them)."""

from django.dispatch import Signal

# kwargs: actor, partnership, what (e.g. "agencies"), file_name, rows.
data_imported = Signal()
# kwargs: actor, partnership, what, format, rows.
data_exported = Signal()
