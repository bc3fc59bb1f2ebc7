"""Events any app can announce without importing the audit app (which records them)."""

from django.dispatch import Signal

# kwargs: actor, partnership, what (e.g. "agencies"), file_name, rows.
data_imported = Signal()
# kwargs: actor, partnership, what, format, rows.
data_exported = Signal()
# kwargs: now. Sent daily by `purge_expired`; each receiver deletes what has passed its time
# and returns {what: how many}.
purge_due = Signal()
