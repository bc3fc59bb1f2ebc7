"""Reads for published yearly reports: always the signed version, never live records."""

from __future__ import annotations

import hashlib

from signoff import services as signoff

from .document import Document, document_from_data
from .models import GeneratedFile, YearlyReport
from .signing import signoff_blocks


def published_report(partnership, period: str) -> YearlyReport | None:
    return (
        YearlyReport.objects.select_related("partnership", "published_snapshot")
        # A published report reopened for correction stays public until a corrected version
        # is published.
        .filter(partnership=partnership, period=period, published_snapshot__isnull=False)
        .first()
    )


def published_document(report: YearlyReport, *, actor=None) -> Document:
    """The document exactly as signed. Raises `signoff.services.SnapshotBroken` if the stored
    version no longer matches its SHA-256."""
    content = signoff.snapshot_content(report.published_snapshot, actor=actor)
    document = document_from_data(content["document"])
    round_ = report.published_snapshot.rounds.filter(locked_at__isnull=False).first()
    if round_ is not None:
        document.add(*signoff_blocks(round_))
    return document


def published_files(report: YearlyReport) -> dict[str, GeneratedFile]:
    """The Word file and the PDF made at publication, by format."""
    files = GeneratedFile.objects.filter(
        report=report, snapshot_id=report.published_snapshot_id
    ).select_related("file")
    return {f.fmt: f for f in files.order_by("generated_at")}


def stored_bytes(generated: GeneratedFile) -> bytes | None:
    """The stored file's bytes if they still match the SHA-256 recorded when it was made."""
    content = generated.file.path.read_bytes() if generated.file.path.exists() else None
    if content is None or hashlib.sha256(content).hexdigest() != generated.file.sha256:
        return None
    return content
