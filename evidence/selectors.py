"""Reads of the evidence register (inside the partnership's scope)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from .models import EvidenceItem


@dataclass(frozen=True)
class EvidenceFilter:
    text: str = ""
    source: int | None = None
    agency: int | None = None
    year: int | None = None


def evidence_items(f: EvidenceFilter | None = None) -> QuerySet[EvidenceItem]:
    f = f or EvidenceFilter()
    qs = EvidenceItem.objects.select_related("source", "owner_agency", "file")
    if f.text:
        qs = qs.filter(Q(title__icontains=f.text) | Q(summary__icontains=f.text))
    if f.source:
        qs = qs.filter(source_id=f.source)
    if f.agency:
        qs = qs.filter(owner_agency_id=f.agency)
    if f.year:
        qs = qs.filter(date__year=f.year)
    return qs
