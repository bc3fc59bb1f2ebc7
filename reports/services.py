"""Writes for the yearly report: start one for a period (linking that period's review, survey
wave and resources), narrative sections, generating and keeping Word and PDF files, the joint
sign-off, and publication."""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from audit.events import Event, record
from files.services import file_store
from signoff import services as signoff
from signoff.locking import writes_signed
from trust.acting import acting_as
from trust.uploads import CheckedUpload
from trust.versioning import save_values

from .assemble import assemble
from .document import document_from_data
from .docx_renderer import render_docx
from .models import GeneratedFile, NarrativeSection, YearlyReport
from .pdf_renderer import render_pdf
from .signing import signoff_blocks

DEFAULT_SECTIONS = [
    (
        "Introduction",
        "A few words on the year: what the partnership set out to do, and the "
        "context it worked in.",
        False,
    ),
    ("Looking ahead", "What the partnership will focus on next year, and why.", True),
]


@transaction.atomic
def report_start(*, partnership, values: dict, actor) -> YearlyReport:
    """Start a year's report with the usual narrative sections, ready to write."""
    with acting_as(actor):
        report = save_values(YearlyReport(partnership=partnership), values)
        for position, (heading, text, after) in enumerate(DEFAULT_SECTIONS):
            NarrativeSection.objects.create(
                partnership=partnership,
                report=report,
                position=position,
                heading=heading,
                text=text,
                after_outcomes=after,
            )
        return report


@writes_signed(lambda report, **_: report)
def report_links_save(
    *, report: YearlyReport, values: dict, expected_version: int | None, actor
) -> YearlyReport:
    """What the report draws on: the review, the survey wave and the resources year."""
    with acting_as(actor):
        return save_values(report, values, expected_version=expected_version)


@writes_signed(lambda report, **_: report)
def section_save(
    *,
    report: YearlyReport,
    section: NarrativeSection | None = None,
    values: dict,
    expected_version: int | None = None,
    actor,
) -> NarrativeSection:
    """Add a section at the end of the report, or change one."""
    with acting_as(actor):
        if section is None:
            section = NarrativeSection(
                partnership=report.partnership, report=report, position=report.sections.count()
            )
        elif section.report_id != report.pk:
            raise ValidationError("That section belongs to another report.")
        return save_values(section, values, expected_version=expected_version)


@writes_signed(lambda section, **_: section.report)
def section_delete(*, section: NarrativeSection, actor) -> None:
    with acting_as(actor):
        section.delete()


FORMAT_NAMES = {"docx": "Word", "pdf": "PDF"}
FILE_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def _render(report: YearlyReport, document, fmt: str) -> bytes:
    if fmt == "docx":
        return render_docx(document)
    if fmt == "pdf":
        return render_pdf(document, partnership_name=report.partnership.name)
    raise ValidationError("Choose Word or PDF.")


@transaction.atomic
def report_generate(*, report: YearlyReport, fmt: str, actor) -> GeneratedFile:
    """Make the Word or PDF file from the report as it stands (a draft to read), and keep it
    with who made it. The published files are made from the signed version instead."""
    return _keep(report, fmt, _render(report, assemble(report), fmt), actor)


def _keep(report: YearlyReport, fmt: str, content: bytes, actor, snapshot=None) -> GeneratedFile:
    name = f"{report.partnership.short_name} yearly report {report.period}.{fmt}"
    # Our own output, not an upload: described as a checked file so it is stored the same way.
    checked = CheckedUpload(
        kind=fmt,
        content_type=FILE_TYPES[fmt],
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
    )
    stored = file_store(
        partnership=report.partnership,
        checked=checked,
        original_name=name,
        title=f"{report} ({FORMAT_NAMES[fmt]})",
        in_library=False,
        actor=actor,
    )
    return GeneratedFile.objects.create(
        partnership=report.partnership,
        report=report,
        fmt=fmt,
        file=stored,
        generated_by=actor,
        snapshot=snapshot,
    )


@transaction.atomic
def report_request_signoff(*, report: YearlyReport, actor, due_by=None):
    round_ = signoff.signoff_ask(
        partnership=report.partnership,
        target=report,
        actor=actor,
        title=f"{report} is ready for your sign-off",
        href=reverse("reports:sign_off", args=[report.partnership.slug, report.pk]),
        due_by=due_by,
    )
    return round_


@transaction.atomic
def report_publish(*, report: YearlyReport, actor) -> YearlyReport:
    """Publish the version every partner body signed: the web page, the Word file and the PDF
    are all made from its snapshot (checked against its SHA-256), and the files are stored
    once. Nothing published is rebuilt from live records afterwards."""
    round_ = signoff.current_round(report)
    if round_ is None or round_.locked_at is None or report.is_published_round(round_):
        raise ValidationError("Every partner body must sign the report off before it is published.")
    if round_.snapshot_id is None:
        raise ValidationError(
            "This report was signed before fixed versions were recorded. Reopen it and ask "
            "for sign-off again to publish it."
        )
    content = signoff.snapshot_content(round_.snapshot, actor=actor)
    document = document_from_data(content["document"])
    document.add(*signoff_blocks(round_))
    for fmt in ("docx", "pdf"):
        _keep(report, fmt, _render(report, document, fmt), actor, snapshot=round_.snapshot)
    report.status = YearlyReport.Status.PUBLISHED
    report.published_on = timezone.localdate()
    report.published_snapshot = round_.snapshot
    report.published_version += 1
    report.withdrawn_on, report.withdrawn_reason = None, ""
    report.save(
        update_fields=[
            "status",
            "published_on",
            "published_snapshot",
            "published_version",
            "withdrawn_on",
            "withdrawn_reason",
        ]
    )
    record(
        Event.PUBLISH,
        actor=actor,
        partnership=report.partnership,
        subject=report,
        detail={"version": report.published_version, "sha256": round_.snapshot.sha256},
    )
    return report


@transaction.atomic
def report_withdraw(*, report: YearlyReport, reason: str, actor) -> YearlyReport:
    """Take a published report down, with a reason: its public page then says when it was
    withdrawn and why. Its versions and files stay in the audit trail; a corrected version is
    reopened, signed and published as a new version."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Enter why the report is being withdrawn."})
    if report.published_snapshot_id is None or report.withdrawn_on is not None:
        raise ValidationError("Only a published report can be withdrawn.")
    report.withdrawn_on = timezone.localdate()
    report.withdrawn_reason = reason
    report.save(update_fields=["withdrawn_on", "withdrawn_reason"])
    record(
        Event.WITHDRAW,
        actor=actor,
        partnership=report.partnership,
        subject=report,
        detail={"reason": reason, "version": report.published_version},
    )
    return report
