"""The one table of the trust mechanisms: rate-limit counts (see `trust.ratelimit`)."""

from __future__ import annotations

from django.db import models


class RateCount(models.Model):
    """How many actions of one kind came from one address in the current window. The key is a
    keyed hash of the kind and the address, never the address; rows are removed once their
    window has passed (`manage.py purge_expired`)."""

    client_key = models.CharField(max_length=80, primary_key=True)
    slot = models.BigIntegerField(help_text="The window's number: Unix time // window length.")
    count = models.PositiveIntegerField(default=0)
    expires = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.count} in window {self.slot}"
